package dev.conform.runtime.net;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Who an authenticated peer is, from the CN of its certificate (which TLS has already chained to
 * the cluster CA), and which node ids it may claim in the frames it sends: {@code node-<k>} only
 * {@code k}; {@code client} only client ids ({@link ClientIds#FIRST} and up) that are not cluster
 * members, the same ids a UDP node accepts from the client key. This is the one rule TCP+TLS,
 * QUIC and their clients use.
 */
public record PeerIdentity(String commonName) {

    /** The identity a TLS session's peer proved; null when it proved none. */
    public static PeerIdentity of(javax.net.ssl.SSLSession session) {
        try {
            return session == null ? null : of(session.getPeerCertificates());
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            return null;
        }
    }

    /** The identity of the first certificate of {@code chain}; null when there is none or no CN. */
    public static PeerIdentity of(Certificate[] chain) {
        if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate x)) {
            return null;
        }
        try {
            for (Rdn rdn : new LdapName(x.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return new PeerIdentity(String.valueOf(rdn.getValue()));
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }

    /** Whether this peer may send frames {@code from} node {@code from}, given the cluster's members. */
    public boolean mayClaim(int from, Set<Integer> members) {
        if (commonName.equals(TlsCredentials.CLIENT)) {
            return from >= ClientIds.FIRST && !members.contains(from);
        }
        return commonName.equals(TlsCredentials.nodeName(from)) && members.contains(from);
    }

    /** Whether this is node {@code id} (what a node checks of the server it dialled). */
    public boolean isNode(int id) {
        return commonName.equals(TlsCredentials.nodeName(id));
    }
}
