package org.openprofiles.adapter.rest.access.arm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.openprofiles.domain.access.Color;

/** One palette colour: the index profiles store in {@code color}, a name and its RGB hex. */
@JsonPropertyOrder({"index", "name", "hex"})
public record ColorModel(
        @JsonProperty("index") int index,
        @JsonProperty("name") String name,
        @JsonProperty("hex") String hex) {

    static ColorModel from(Color color) {
        return new ColorModel(color.index(), color.name(), color.hex());
    }
}
