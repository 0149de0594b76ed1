package org.openprofiles.adapter.jdbc.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openprofiles.domain.shared.Invalid;

/**
 * Opaque keyset cursors: the sort key of the last row of a page, base64url-encoded and signed
 * with an HMAC under this installation's key, so a client can only pass back a cursor the
 * service issued. A cursor that does not verify — forged, truncated, or carrying anything the
 * service did not write — is a 400 naming {@code cursor}, never a query with a crafted key.
 */
public final class Cursors {

    private static final String SEPARATOR = "\u001f";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int TAG_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    /**
     * One keyed MAC per thread: looking the algorithm up and keying it took longer than the tag
     * itself, twice on every paged request (the cursor read and the next one written).
     */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /** Cursors signed with {@code key} (32 random bytes kept by the installation). */
    public Cursors(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("a cursor key has at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    public String encode(String... keyParts) {
        byte[] payload = String.join(SEPARATOR, keyParts).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(tag(payload));
    }

    /** The parts of a cursor this service issued; exactly {@code expectedParts} of them or {@link Invalid}. */
    public List<String> decode(String cursor, int expectedParts) {
        try {
            int dot = cursor.indexOf('.');
            if (dot < 0) {
                throw new IllegalArgumentException("unsigned");
            }
            byte[] payload = DECODER.decode(cursor.substring(0, dot));
            byte[] given = DECODER.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(tag(payload), given)) {
                throw new IllegalArgumentException("bad signature");
            }
            List<String> parts = Arrays.asList(new String(payload, StandardCharsets.UTF_8).split(SEPARATOR, -1));
            if (parts.size() != expectedParts) {
                throw new IllegalArgumentException("wrong number of parts");
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw new Invalid("invalid_cursor", "cursor", "the cursor is not one this service issued");
        }
    }

    /** The sort key of a newest-first list: a moment and an id, both descending. */
    public record Moment(OffsetDateTime at, UUID id) {}

    /** The cursor after a row of a newest-first list. */
    public String encodeMoment(Instant at, UUID id) {
        return encode(at.atOffset(ZoneOffset.UTC).toString(), id.toString());
    }

    /** The key a newest-first list's cursor carries, or {@link Invalid}. */
    public Moment decodeMoment(String cursor) {
        List<String> parts = decode(cursor, 2);
        return new Moment(OffsetDateTime.parse(parts.get(0)), UUID.fromString(parts.get(1)));
    }

    private byte[] tag(byte[] payload) {
        // doFinal leaves the MAC keyed and reset for the next payload.
        return Arrays.copyOf(macs.get().doFinal(payload), TAG_BYTES);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }
}
