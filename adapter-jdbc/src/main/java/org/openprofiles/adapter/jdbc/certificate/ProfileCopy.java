package org.openprofiles.adapter.jdbc.certificate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openprofiles.domain.certificate.CertificateProfile;
import org.openprofiles.domain.certificate.CertificateProfileId;

/**
 * Certificate profiles as the body of a {@code COPY … FROM STDIN BINARY} into
 * {@code certificate_profile} ({@link #COLUMNS}, in that order): PostgreSQL's binary copy format,
 * a header, one tuple per profile (a field count, then each field's length and bytes, -1 for
 * NULL) and a trailer. Written into a buffer of its own and handed on a chunk at a time.
 */
final class ProfileCopy {

    /** The columns each tuple carries, in order. */
    static final String COLUMNS = "id, status, flags, parent_profile_id, primary_profile_id, assigned_user_id,"
            + " template_id, template_version, comment, created_at, updated_at";

    private static final int FIELDS = 11;

    /** "PGCOPY\n\377\r\n\0", then no flags and no header extension. */
    private static final byte[] HEADER = {
        'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
    };

    /** PostgreSQL counts time in microseconds from 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

    /** Bytes of one tuple without its comment: count, 2 + 4 UUIDs, status, flags, version, two times. */
    private static final int FIXED_TUPLE = 2 + 6 * (4 + 16) + (4 + 9) + (4 + 4) + (4 + 8) + 4 + 2 * (4 + 8);

    private final OutputStream out;
    private final byte[] buffer = new byte[32 * 1024];
    private int used;

    private ProfileCopy(OutputStream out) {
        this.out = out;
    }

    /** Writes the whole copy of {@code profiles} to {@code out}, in list order. */
    static void write(List<CertificateProfile> profiles, OutputStream out) throws IOException {
        ProfileCopy copy = new ProfileCopy(out);
        copy.bytes(HEADER);
        for (CertificateProfile profile : profiles) {
            copy.tuple(profile);
        }
        copy.room(2);
        copy.shortValue(-1);
        copy.flush();
    }

    private void tuple(CertificateProfile p) throws IOException {
        byte[] comment = p.comment().getBytes(StandardCharsets.UTF_8);
        room(FIXED_TUPLE + comment.length);
        shortValue(FIELDS);
        uuid(p.id().value());
        text(JdbiCertificateProfiles.column(p.status()).getBytes(StandardCharsets.US_ASCII));
        intValue(4);
        intValue(p.flags());
        optionalUuid(p.parent());
        optionalUuid(p.primary());
        uuid(p.assignedUser().value());
        uuid(p.template().value());
        intValue(8);
        longValue(p.templateVersion());
        text(comment);
        room(2 * (4 + 8));
        time(p.createdAt());
        time(p.updatedAt());
    }

    private void optionalUuid(Optional<CertificateProfileId> id) {
        if (id.isPresent()) {
            uuid(id.get().value());
        } else {
            intValue(-1);
        }
    }

    private void uuid(UUID id) {
        intValue(16);
        longValue(id.getMostSignificantBits());
        longValue(id.getLeastSignificantBits());
    }

    private void text(byte[] utf8) throws IOException {
        intValue(utf8.length);
        bytes(utf8);
    }

    /** A timestamptz: microseconds since PostgreSQL's epoch, rounded as PostgreSQL rounds a text time. */
    private void time(Instant at) {
        long micros = Math.addExact(
                Math.multiplyExact(at.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L),
                (at.getNano() + 500) / 1000);
        intValue(8);
        longValue(micros);
    }

    private void shortValue(int value) {
        buffer[used++] = (byte) (value >>> 8);
        buffer[used++] = (byte) value;
    }

    private void intValue(int value) {
        buffer[used++] = (byte) (value >>> 24);
        buffer[used++] = (byte) (value >>> 16);
        buffer[used++] = (byte) (value >>> 8);
        buffer[used++] = (byte) value;
    }

    private void longValue(long value) {
        intValue((int) (value >>> 32));
        intValue((int) value);
    }

    /** Copies {@code bytes} in, flushing as often as the buffer fills (a comment may be longer than it). */
    private void bytes(byte[] bytes) throws IOException {
        int from = 0;
        while (from < bytes.length) {
            if (used == buffer.length) {
                flush();
            }
            int n = Math.min(bytes.length - from, buffer.length - used);
            System.arraycopy(bytes, from, buffer, used, n);
            used += n;
            from += n;
        }
    }

    /** Makes room for {@code bytes} of fixed-size fields (a long comment goes through {@link #bytes}). */
    private void room(int bytes) throws IOException {
        if (buffer.length - used < Math.min(bytes, buffer.length)) {
            flush();
        }
    }

    private void flush() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }
}
