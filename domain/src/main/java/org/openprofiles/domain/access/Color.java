package org.openprofiles.domain.access;

/** One colour of the palette a profile is shown in: its index (what profiles store), a name and its RGB hex. */
public record Color(int index, String name, String hex) {

    public Color {
        if (index < 0 || name == null || name.isBlank() || hex == null || !hex.matches("#[0-9A-F]{6}")) {
            throw new IllegalArgumentException("a colour needs an index >= 0, a name and a #RRGGBB hex");
        }
    }
}
