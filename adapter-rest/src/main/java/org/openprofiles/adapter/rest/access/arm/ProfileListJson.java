package org.openprofiles.adapter.rest.access.arm;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openprofiles.adapter.rest.shared.JsonMappers;
import org.openprofiles.application.access.CachedAccessProfiles;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfileId;

/**
 * The JSON of the ARM profile list, each profile written once per version of it that the service
 * holds: the application keeps access profiles in memory until they change (and hands out the same
 * object until then), so the bytes written for an object are kept with it and reused while the
 * list returns that very object. A changed profile is a new object and is written anew. Profiles
 * too large to be kept by the application are written each time.
 */
final class ProfileListJson {

    /** At most this many profiles' bytes are kept; past it, all are dropped and written again. */
    private static final int KEPT_AT_MOST = 10_000;

    private record Written(AccessProfile source, byte[] json) {}

    /** Writes one profile's model. */
    interface ModelWriter {
        byte[] write(ProfileModel model) throws JsonProcessingException;
    }

    private final ZoneId zone;
    private final ModelWriter writer;
    private final Map<AccessProfileId, Written> written = new ConcurrentHashMap<>();

    ProfileListJson(ZoneId zone) {
        this(zone, JsonMappers.standard().writerFor(ProfileModel.class)::writeValueAsBytes);
    }

    ProfileListJson(ZoneId zone, ModelWriter writer) {
        this.zone = zone;
        this.writer = writer;
    }

    /** The profiles as one JSON array, the same bytes as writing their models. */
    byte[] array(List<AccessProfile> profiles) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4_096);
        out.write('[');
        for (int i = 0; i < profiles.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(json(profiles.get(i)));
        }
        out.write(']');
        return out.toByteArray();
    }

    private byte[] json(AccessProfile profile) {
        Written kept = written.get(profile.id());
        if (kept != null && kept.source() == profile) {
            return kept.json();
        }
        byte[] json;
        try {
            json = writer.write(ProfileModel.from(profile, zone));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        if (profile.details() <= CachedAccessProfiles.KEPT_DETAILS_AT_MOST) {
            if (written.size() >= KEPT_AT_MOST) {
                written.clear();
            }
            written.put(profile.id(), new Written(profile, json));
        }
        return json;
    }
}
