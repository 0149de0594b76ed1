package org.openprofiles.adapter.ca;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.openprofiles.domain.certificate.pki.PkiLocations;

/**
 * Settings of the embedded certificate authority, as bootstrap reads them from the environment.
 *
 * @param dataDirectory        the service's data directory; the CA keeps its files in {@code <dataDirectory>/ca}
 * @param algorithm            key of the root and issuing CA created on first start
 * @param keystore             an existing CA keystore (PKCS#12 with the issuing key and its chain
 *                             up to the root) to use instead of creating one; never written to
 * @param keystorePassword     the keystore password (a secret)
 * @param keystorePasswordFile a file holding the keystore password (its first line), the
 *                             {@code _FILE} form of the secret; used when no password is given
 * @param keyAlias             the alias of the issuing key in the keystore, when it holds several
 * @param publicBaseUrl        the URL relying parties reach the service at; CRL, CA-certificate
 *                             and OCSP URLs in issued certificates are built under {@code <base>/pki/}
 * @param caName               the name in the CAs' subjects ("OpenProfiles Root CA …")
 * @param ocspValidity         how long an OCSP answer may be cached (its nextUpdate)
 */
public record EmbeddedCaSettings(
        Path dataDirectory,
        CaKeyAlgorithm algorithm,
        Optional<Path> keystore,
        Optional<String> keystorePassword,
        Optional<Path> keystorePasswordFile,
        Optional<String> keyAlias,
        String publicBaseUrl,
        String caName,
        Duration ocspValidity) {

    public static final String DEFAULT_CA_NAME = "OpenProfiles";
    public static final Duration DEFAULT_OCSP_VALIDITY = Duration.ofMinutes(15);

    public EmbeddedCaSettings {
        if (dataDirectory == null) {
            throw new IllegalArgumentException("the CA needs a data directory");
        }
        algorithm = algorithm == null ? CaKeyAlgorithm.EC_P384 : algorithm;
        keystore = keystore == null ? Optional.empty() : keystore;
        keystorePassword = keystorePassword == null ? Optional.empty() : keystorePassword.filter(p -> !p.isEmpty());
        keystorePasswordFile = keystorePasswordFile == null ? Optional.empty() : keystorePasswordFile;
        keyAlias = keyAlias == null
                ? Optional.empty()
                : keyAlias.map(String::strip).filter(a -> !a.isEmpty());
        new PkiLocations(publicBaseUrl);
        caName = caName == null || caName.isBlank() ? DEFAULT_CA_NAME : caName.strip();
        if (!caName.matches("[\\p{L}\\p{N} ._-]{1,40}")) {
            throw new IllegalArgumentException(
                    "the CA name may hold up to 40 letters, digits, spaces, '.', '_' and '-', not '" + caName + "'");
        }
        ocspValidity = ocspValidity == null ? DEFAULT_OCSP_VALIDITY : ocspValidity;
        if (ocspValidity.compareTo(Duration.ofMinutes(1)) < 0 || ocspValidity.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("the OCSP validity must be between 1 minute and 7 days");
        }
        if (keystore.isPresent() && keystorePassword.isEmpty() && keystorePasswordFile.isEmpty()) {
            throw new IllegalArgumentException("an existing CA keystore needs its password (or a password file)");
        }
    }

    /** The defaults: an EC P-384 CA created in {@code dataDirectory}, its password generated. */
    public static EmbeddedCaSettings embedded(Path dataDirectory, String publicBaseUrl) {
        return new EmbeddedCaSettings(dataDirectory, null, null, null, null, null, publicBaseUrl, null, null);
    }

    public PkiLocations locations() {
        return new PkiLocations(publicBaseUrl);
    }

    /** The directory of the CA's own files. */
    Path caDirectory() {
        return dataDirectory.resolve("ca");
    }

    /** Every setting but the password, which is never printed. */
    @Override
    public String toString() {
        return "EmbeddedCaSettings[dataDirectory=" + dataDirectory + ", algorithm=" + algorithm + ", keystore="
                + keystore
                + ", keystorePassword=" + keystorePassword.map(p -> "(set)").orElse("(none)")
                + ", keystorePasswordFile=" + keystorePasswordFile + ", keyAlias=" + keyAlias
                + ", publicBaseUrl=" + publicBaseUrl + ", caName=" + caName + ", ocspValidity=" + ocspValidity + "]";
    }
}
