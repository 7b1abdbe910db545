package dev.conform.runtime.net;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peers and frames a transport refused for failed authentication: counted (status.json's
 * {@code rejected}) and logged once per peer and reason, so a peer retrying with a bad certificate
 * cannot flood the log. Log lines name the peer and the reason, never key material.
 */
final class Rejections {
    private final String self;
    private final AtomicLong count = new AtomicLong();
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    /** {@code self} names the refusing side in log lines, e.g. {@code node 3}. */
    Rejections(String self) {
        this.self = self;
    }

    void reject(String peer, String reason) {
        count.incrementAndGet();
        if (logged.add(peer + "\n" + reason)) {
            System.err.println(self + ": rejected " + peer + ": " + reason
                    + " (further rejections of it are counted, not logged)");
        }
    }

    long count() {
        return count.get();
    }

    /**
     * Whether a failed handshake was the peer failing authentication (TLS refused its certificate,
     * or it had none), not a connection that broke meanwhile (a peer killed mid-handshake fails
     * with a closed channel or a reset, and is only a broken connection).
     */
    static boolean isAuthenticationFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof javax.net.ssl.SSLHandshakeException || c instanceof java.security.cert.CertificateException) {
                return true;
            }
        }
        return false;
    }

    /** A short reason for a failed handshake: the innermost cause's message, bounded. */
    static String handshakeFailure(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
        return "TLS handshake failed (" + (m.length() > 160 ? m.substring(0, 160) + "..." : m) + ")";
    }
}
