package org.openprofiles.adapter.rest.access.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.UUID;
import org.openprofiles.domain.access.DirectoryGroup;

/** A directory group as the read-back list shows it; {@code missingSince} is null unless it went missing. */
@JsonPropertyOrder({"id", "name", "distinguishedName", "missingSince"})
public record DirectoryGroupModel(
        @JsonProperty("id") UUID id,
        @JsonProperty("name") String name,
        @JsonProperty("distinguishedName") String distinguishedName,
        @JsonProperty("missingSince") String missingSince) {

    static DirectoryGroupModel from(DirectoryGroup group) {
        return new DirectoryGroupModel(
                group.group().id().value(),
                group.group().name(),
                group.group().distinguishedName(),
                group.missingSince().map(Instant::toString).orElse(null));
    }
}
