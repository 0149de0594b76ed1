package org.openprofiles.domain.certificate;

import java.util.UUID;

/** A profile template's identity: the {@code ProfileTemplateUuid} of the vendor's objects. */
public record TemplateId(UUID value) {

    public TemplateId {
        if (value == null) {
            throw new IllegalArgumentException("template id must not be null");
        }
    }

    public static TemplateId random() {
        return new TemplateId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
