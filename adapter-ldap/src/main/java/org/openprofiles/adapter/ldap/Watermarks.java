package org.openprofiles.adapter.ldap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.openprofiles.domain.access.directory.Watermark;

/**
 * The adapter's watermark text: {@code <kind>|<settings fingerprint>|<groups digest>|<server>|<position>}.
 * The fingerprint covers everything that decides which entries and attributes a read delivers, so
 * a watermark written under other settings (another base DN, filter, mapping, catalog) is refused
 * and the read is full. The groups digest is the set of group ids seen, so a deleted group (whose
 * members' entries do not change) also makes the next read full.
 */
final class Watermarks {

    /** A decoded watermark. */
    record Position(String kind, String fingerprint, long groupsDigest, String server, String position) {}

    private Watermarks() {}

    static Watermark encode(Position p) {
        return new Watermark(String.join(
                "|",
                p.kind(),
                p.fingerprint(),
                Long.toHexString(p.groupsDigest()),
                p.server().replace('|', '/'),
                p.position()));
    }

    static Optional<Position> decode(Watermark watermark) {
        String[] parts = watermark.value().split("\\|", -1);
        if (parts.length != 5) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new Position(parts[0], parts[1], Long.parseUnsignedLong(parts[2], 16), parts[3], parts[4]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** What decides the content of a read, hashed. */
    static String fingerprint(LdapSettings s, Set<String> attributeKeys) {
        String text = String.join(
                "\n",
                s.server(),
                s.baseDn(),
                s.userFilter(),
                s.groupFilter(),
                s.attributes().toString(),
                s.membership().name(),
                s.disabledFilter().orElse(""),
                s.changeTracking().name(),
                String.join(",", new TreeSet<>(attributeKeys)));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
