package org.openprofiles.adapter.ca;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.cert.X509CertificateHolder;
import org.openprofiles.domain.certificate.pki.CaCertificate;
import org.openprofiles.domain.certificate.pki.CaCertificates;
import org.openprofiles.domain.certificate.pki.CertificateAuthorityUnavailable;
import org.openprofiles.domain.certificate.pki.IssuerId;

/**
 * The CA keys in memory, as read from the keystores: the current issuing CA, earlier issuing CAs
 * (they still sign CRLs and OCSP answers for what they issued), the root (with its key when this
 * CA holds it), and the key-recovery keys.
 */
final class CaKeys {

    static final String ROOT_ALIAS = "root";
    static final String ISSUING_ALIAS = "issuing";
    static final String RECOVERY_ALIAS = "key-recovery";

    private final CaSigner issuing;
    private final Map<IssuerId, CaSigner> issuers;
    private final Optional<CaSigner> root;
    private final Map<String, KeyRecoveryKey> recoveryKeys;
    private final KeyRecoveryKey currentRecoveryKey;
    private final CaCertificates certificates;

    private CaKeys(
            CaSigner issuing,
            Map<IssuerId, CaSigner> issuers,
            Optional<CaSigner> root,
            Map<String, KeyRecoveryKey> recoveryKeys,
            KeyRecoveryKey currentRecoveryKey) {
        this.issuing = issuing;
        this.issuers = Collections.unmodifiableMap(issuers);
        this.root = root;
        this.recoveryKeys = Map.copyOf(recoveryKeys);
        this.currentRecoveryKey = currentRecoveryKey;
        this.certificates = describe();
    }

    /**
     * Reads the CA keystore and the key-recovery keystore. The issuing key is {@code keyAlias},
     * else the entry "issuing", else the only key whose certificate is not self-signed (or the only
     * key at all); its chain must end at a self-signed root. Every other key entry under a CA
     * certificate is an earlier issuing CA; an entry holding the root's own key lets this CA sign
     * the root's CRL and new issuing CAs.
     */
    static CaKeys read(
            KeyStore caStore, KeyStore recoveryStore, char[] password, Optional<String> keyAlias, String where) {
        Map<String, CaSigner> entries = signers(caStore, password, where);
        String issuingAlias = issuingAlias(entries, keyAlias, where);
        CaSigner issuing = entries.get(issuingAlias);
        X509CertificateHolder rootCertificate =
                issuing.chain().get(issuing.chain().size() - 1);
        if (!rootCertificate.getSubject().equals(rootCertificate.getIssuer())) {
            throw new CertificateAuthorityUnavailable("the chain of '" + issuingAlias + "' in " + where
                    + " does not end at a root (self-signed) certificate; put the whole chain in the keystore");
        }
        IssuerId rootId = Bc.issuerId(rootCertificate);
        Map<IssuerId, CaSigner> issuers = new LinkedHashMap<>();
        issuers.put(issuing.id(), issuing);
        Optional<CaSigner> root = Optional.empty();
        for (CaSigner entry : entries.values()) {
            if (entry.id().equals(rootId)) {
                root = Optional.of(entry);
            } else if (!entry.selfSigned()) {
                issuers.putIfAbsent(entry.id(), entry);
            }
        }
        if (issuing.id().equals(rootId)) {
            root = Optional.of(issuing);
        }
        Map<String, KeyRecoveryKey> recovery = new LinkedHashMap<>();
        KeyRecoveryKey current = null;
        for (Map.Entry<String, CaSigner> entry :
                signers(recoveryStore, password, "key-recovery keystore").entrySet()) {
            KeyRecoveryKey key = new KeyRecoveryKey(
                    entry.getValue().id().value(),
                    entry.getValue().key(),
                    Bc.certificate(entry.getValue().certificate()));
            recovery.put(key.id(), key);
            if (entry.getKey().equals(RECOVERY_ALIAS)) {
                current = key;
            }
        }
        if (current == null) {
            throw new CertificateAuthorityUnavailable(
                    "the key-recovery keystore has no entry '" + RECOVERY_ALIAS + "'");
        }
        return new CaKeys(issuing, issuers, root, recovery, current);
    }

    CaSigner issuing() {
        return issuing;
    }

    /** The issuing CAs, current first: the CAs that answer OCSP for what they issued. */
    Map<IssuerId, CaSigner> issuers() {
        return issuers;
    }

    Optional<CaSigner> root() {
        return root;
    }

    /** A CA this adapter can sign a CRL for: an issuing CA, or the root when its key is here. */
    Optional<CaSigner> crlSigner(IssuerId id) {
        return Optional.ofNullable(issuers.get(id)).or(() -> root.filter(r -> r.id().equals(id)));
    }

    Map<String, KeyRecoveryKey> recoveryKeys() {
        return recoveryKeys;
    }

    KeyRecoveryKey currentRecoveryKey() {
        return currentRecoveryKey;
    }

    CaCertificates certificates() {
        return certificates;
    }

    private CaCertificates describe() {
        List<CaCertificate> all = new ArrayList<>();
        List<X509CertificateHolder> chain = issuing.chain();
        all.add(describe(chain.get(0), CaCertificate.Role.ISSUING));
        for (int i = 1; i < chain.size() - 1; i++) {
            all.add(describe(chain.get(i), CaCertificate.Role.INTERMEDIATE));
        }
        all.add(describe(chain.get(chain.size() - 1), CaCertificate.Role.ROOT));
        for (CaSigner earlier : issuers.values()) {
            if (earlier != issuing) {
                all.add(describe(earlier.certificate(), CaCertificate.Role.RETIRED_ISSUING));
            }
        }
        return new CaCertificates(all);
    }

    private static CaCertificate describe(X509CertificateHolder certificate, CaCertificate.Role role) {
        try {
            return new CaCertificate(
                    Bc.issuerId(certificate),
                    role,
                    Bc.distinguishedName(certificate.getSubject()).toString(),
                    certificate.getNotBefore().toInstant(),
                    certificate.getNotAfter().toInstant(),
                    certificate.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("a CA certificate does not encode", e);
        }
    }

    private static String issuingAlias(Map<String, CaSigner> entries, Optional<String> keyAlias, String where) {
        if (keyAlias.isPresent()) {
            if (!entries.containsKey(keyAlias.get())) {
                throw new CertificateAuthorityUnavailable(
                        "the " + where + " has no key entry '" + keyAlias.get() + "'");
            }
            return keyAlias.get();
        }
        if (entries.containsKey(ISSUING_ALIAS)) {
            return ISSUING_ALIAS;
        }
        List<String> underARoot = entries.values().stream()
                .filter(s -> !s.selfSigned())
                .map(CaSigner::alias)
                .toList();
        if (underARoot.size() == 1) {
            return underARoot.get(0);
        }
        if (entries.size() == 1) {
            return entries.keySet().iterator().next();
        }
        throw new CertificateAuthorityUnavailable(
                "the " + where + " holds " + entries.size() + " keys; set the CA key alias to the issuing one");
    }

    /** Every key entry of a keystore whose key signs for its certificate, by alias. */
    private static Map<String, CaSigner> signers(KeyStore store, char[] password, String where) {
        Map<String, CaSigner> signers = new LinkedHashMap<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                Certificate[] chain = store.getCertificateChain(alias);
                if (!(key instanceof PrivateKey privateKey) || chain == null || chain.length == 0) {
                    continue;
                }
                List<X509CertificateHolder> holders = new ArrayList<>();
                for (Certificate certificate : chain) {
                    holders.add(Bc.holder((X509Certificate) certificate));
                }
                checkKeyMatches(alias, privateKey, (X509Certificate) chain[0], where);
                signers.put(alias, new CaSigner(alias, Bc.issuerId(holders.get(0)), Bc.ownKey(privateKey), holders));
            }
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new CertificateAuthorityUnavailable("the keys in the " + where + " cannot be read: "
                    + e.getClass().getSimpleName());
        }
        if (signers.isEmpty()) {
            throw new CertificateAuthorityUnavailable("the " + where + " holds no private key with its certificate");
        }
        return signers;
    }

    /** A key under the wrong certificate, or a non-CA certificate, fails now rather than in a relying party. */
    private static void checkKeyMatches(String alias, PrivateKey key, X509Certificate certificate, String where) {
        BasicConstraints constraints =
                BasicConstraints.fromExtensions(Bc.holder(certificate).getExtensions());
        boolean recovery = alias.equals(RECOVERY_ALIAS) || alias.startsWith(RECOVERY_ALIAS + "-");
        if (!recovery && (constraints == null || !constraints.isCA())) {
            throw new CertificateAuthorityUnavailable(
                    "the certificate of '" + alias + "' in the " + where + " is not a CA certificate");
        }
        if (!Bc.matches(key, certificate.getPublicKey())) {
            throw new CertificateAuthorityUnavailable(
                    "the key of '" + alias + "' in the " + where + " does not belong to its certificate");
        }
    }
}
