package dev.conform.runtime.net;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The cluster's TLS identities, in {@code credentials/tls/}: a cluster CA certificate
 * ({@code ca.crt}, EC P-256, self-signed) and, signed by it, one certificate and key per node
 * ({@code node-<id>.crt}/{@code .key}, CN {@code node-<id>}) and one for non-member clients
 * ({@code client.crt}/{@code .key}, CN {@code client}). PEM files, all 0600 in a 0700 folder
 * ({@link OwnerOnly}). The CA's private key is never written: once a cluster is started nobody
 * can mint another identity for it. A process loads only its own identity and the CA certificate.
 * What a certificate lets its holder claim is {@link PeerIdentity}'s rule.
 */
public final class TlsCredentials {
    public static final String CA = "ca";
    public static final String CLIENT = "client";
    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final String SIGNATURE = "SHA256withECDSA";

    /** One loaded identity: its key, its certificate, and the CA certificate peers must chain to. */
    public record Identity(String name, PrivateKey key, X509Certificate certificate, X509Certificate ca) {
        @Override
        public String toString() {
            return "Identity[" + name + "]"; // never the key
        }
    }

    private TlsCredentials() {
    }

    /** The identity name of node {@code id}: its file stem and certificate CN. */
    public static String nodeName(int id) {
        return "node-" + id;
    }

    /**
     * Creates a fresh CA and an identity for every node in {@code nodeIds} and for clients in the
     * new folder {@code dir} (made 0700; it must not exist or be empty).
     */
    public static void create(Path dir, Collection<Integer> nodeIds) throws IOException {
        OwnerOnly.directory(dir);
        try {
            SecureRandom random = new SecureRandom();
            KeyPair caKeys = keyPair(random);
            X500Name caName = new X500Name("CN=conform-cluster-ca");
            X509Certificate ca = sign(caName, caName, caKeys, caKeys.getPrivate(), true, random);
            OwnerOnly.write(dir.resolve(CA + ".crt"), pem("CERTIFICATE", ca.getEncoded()));
            List<String> names = new ArrayList<>();
            nodeIds.forEach(id -> names.add(nodeName(id)));
            names.add(CLIENT);
            for (String name : names) {
                KeyPair keys = keyPair(random);
                X509Certificate cert = sign(new X500Name("CN=" + name), caName, keys, caKeys.getPrivate(), false, random);
                OwnerOnly.write(dir.resolve(name + ".crt"), pem("CERTIFICATE", cert.getEncoded()));
                OwnerOnly.write(dir.resolve(name + ".key"), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            }
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot create TLS credentials: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Loads identity {@code name} ({@link #nodeName} or {@link #CLIENT}) from {@code dir}. Throws
     * IOException naming the missing or unreadable file (never its content).
     */
    public static Identity load(Path dir, String name) throws IOException {
        X509Certificate ca = certificate(dir.resolve(CA + ".crt"));
        X509Certificate cert = certificate(dir.resolve(name + ".crt"));
        Path keyFile = dir.resolve(name + ".key");
        try {
            byte[] der = unpem(read(keyFile), "PRIVATE KEY", keyFile);
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new Identity(name, key, cert, ca);
        } catch (GeneralSecurityException e) {
            throw new IOException("not an EC private key: " + keyFile);
        }
    }

    private static KeyPair keyPair(SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), random);
        return g.generateKeyPair();
    }

    private static X509Certificate sign(X500Name subject, X500Name issuer, KeyPair keys, PrivateKey signer,
                                        boolean isCa, SecureRandom random)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, random),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (isCa) {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[]{KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        }
        ContentSigner s = new JcaContentSignerBuilder(SIGNATURE).build(signer);
        return new JcaX509CertificateConverter().getCertificate(b.build(s));
    }

    private static X509Certificate certificate(Path file) throws IOException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(read(file)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IOException("not an X.509 certificate: " + file);
        }
    }

    private static byte[] read(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException("missing credential file " + file);
        }
    }

    private static byte[] pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] unpem(byte[] text, String type, Path file) throws IOException {
        String s = new String(text, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int b = s.indexOf(begin);
        int e = s.indexOf(end);
        if (b < 0 || e < b) {
            throw new IOException("no " + type + " block in " + file);
        }
        try {
            return Base64.getMimeDecoder().decode(s.substring(b + begin.length(), e));
        } catch (IllegalArgumentException x) {
            throw new IOException("bad base64 in " + file);
        }
    }
}
