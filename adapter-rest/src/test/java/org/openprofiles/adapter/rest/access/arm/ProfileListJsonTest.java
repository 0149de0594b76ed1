package org.openprofiles.adapter.rest.access.arm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openprofiles.adapter.rest.shared.JsonMappers;
import org.openprofiles.application.access.CachedAccessProfiles;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfileId;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.GroupId;

/** The list's JSON is what writing the models gives, and a profile object is written only once. */
class ProfileListJsonTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private final ObjectWriter models = JsonMappers.standard().writerFor(ProfileModel.class);
    private final AtomicInteger writes = new AtomicInteger();
    private final ProfileListJson json = new ProfileListJson(UTC, model -> {
        writes.incrementAndGet();
        return models.writeValueAsBytes(model);
    });

    private static AccessProfile profile(String name, int groups) {
        List<Group> named = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            named.add(new Group(new GroupId(UUID.randomUUID()), "g" + i, "CN=g" + i));
        }
        return new AccessProfile(
                AccessProfileId.random(),
                name,
                "about " + name,
                4,
                "AB",
                Instant.parse("2026-01-02T03:04:05Z"),
                Instant.parse("2026-02-03T04:05:06Z"),
                named,
                List.of(new AttributeValue("title", "Clerk")),
                2);
    }

    @Test
    void theArrayHasTheBytesOfWritingTheModelsAsAList() throws Exception {
        List<AccessProfile> profiles = List.of(profile("alpha", 2), profile("bravo", 0));
        byte[] expected = JsonMappers.standard()
                .writeValueAsBytes(
                        profiles.stream().map(p -> ProfileModel.from(p, UTC)).toList());

        assertArrayEquals(expected, json.array(profiles));
        assertArrayEquals(expected, json.array(profiles), "and again from what was kept");
        assertEquals("[]", new String(json.array(List.of())));
    }

    @Test
    void theSameProfileObjectIsWrittenOnceAndAnotherObjectOfTheSameProfileAnew() {
        AccessProfile alpha = profile("alpha", 3);
        json.array(List.of(alpha));
        json.array(List.of(alpha));
        assertEquals(1, writes.get());

        AccessProfile revised = new AccessProfile(
                alpha.id(),
                "alpha revised",
                alpha.description(),
                alpha.color(),
                alpha.initials(),
                alpha.createdAt(),
                alpha.modifiedAt(),
                alpha.groups(),
                alpha.attributes(),
                alpha.version() + 1);
        String written = new String(json.array(List.of(revised)));
        assertEquals(2, writes.get());
        assertTrue(written.contains("alpha revised"), written);
    }

    @Test
    void aProfileTooLargeToKeepIsWrittenEachTime() {
        AccessProfile large = profile("large", CachedAccessProfiles.KEPT_DETAILS_AT_MOST);
        json.array(List.of(large));
        json.array(List.of(large));
        assertEquals(2, writes.get());
    }
}
