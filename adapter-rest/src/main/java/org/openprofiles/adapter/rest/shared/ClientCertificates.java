package org.openprofiles.adapter.rest.shared;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Mutual TLS sign-in: which part of a client certificate (already verified by the TLS handshake
 * against the configured CAs) names the user. The name found is a user id or a login.
 */
public final class ClientCertificates {

    /** The request property under which the Grizzly container exposes the client's certificate chain. */
    public static final String CHAIN_PROPERTY = "jakarta.servlet.request.X509Certificate";

    private ClientCertificates() {}

    /** {@code subject:<RDN type>} (e.g. CN, UID) or {@code san:email|uri|dns}. */
    public record UserField(String kind, String name) {

        private static final List<String> SAN_NAMES = List.of("email", "dns", "uri");

        public static UserField parse(String text) {
            String value = text.strip();
            int colon = value.indexOf(':');
            String kind = colon < 0 ? "" : value.substring(0, colon).toLowerCase(Locale.ROOT);
            String name = colon < 0 ? "" : value.substring(colon + 1).strip();
            if (kind.equals("subject") && name.matches("[A-Za-z][A-Za-z0-9]*")) {
                return new UserField(kind, name.toUpperCase(Locale.ROOT));
            }
            if (kind.equals("san") && SAN_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
                return new UserField(kind, name.toLowerCase(Locale.ROOT));
            }
            throw new IllegalArgumentException("must be subject:<RDN> (subject:CN, subject:UID, ...) or san:email, "
                    + "san:uri or san:dns, was '" + text + "'");
        }

        @Override
        public String toString() {
            return kind + ":" + (kind.equals("subject") ? name : name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * The user named by the certificate, if it has the field. A URI like {@code urn:uuid:<id>}
     * gives the id.
     */
    public static Optional<String> userOf(X509Certificate certificate, UserField field) {
        if (field.kind().equals("subject")) {
            try {
                List<Rdn> rdns =
                        new LdapName(certificate.getSubjectX500Principal().getName()).getRdns();
                // LdapName keeps the most significant RDN at index 0: walk from the most specific end.
                for (int i = rdns.size() - 1; i >= 0; i--) {
                    if (rdns.get(i).getType().equalsIgnoreCase(field.name())) {
                        return nonBlank(String.valueOf(rdns.get(i).getValue()));
                    }
                }
                return Optional.empty();
            } catch (InvalidNameException e) {
                return Optional.empty();
            }
        }
        int type = switch (field.name()) {
            case "email" -> 1;
            case "dns" -> 2;
            default -> 6;
        };
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return Optional.empty();
            }
            for (List<?> name : names) {
                if (name.size() >= 2
                        && Integer.valueOf(type).equals(name.get(0))
                        && name.get(1) instanceof String value) {
                    String user =
                            type == 6 && value.regionMatches(true, 0, "urn:uuid:", 0, 9) ? value.substring(9) : value;
                    return nonBlank(user);
                }
            }
            return Optional.empty();
        } catch (CertificateParsingException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
