package org.openprofiles.domain.access;

import java.util.List;

/**
 * The fixed colour palette. Profiles store an index into it, so the order never changes: new
 * colours may only be appended.
 */
public final class Palette {

    private static final List<Color> COLORS = List.of(
            new Color(0, "Slate", "#64748B"),
            new Color(1, "Red", "#E53935"),
            new Color(2, "Orange", "#FB8C00"),
            new Color(3, "Amber", "#FFB300"),
            new Color(4, "Yellow", "#FDD835"),
            new Color(5, "Lime", "#C0CA33"),
            new Color(6, "Green", "#43A047"),
            new Color(7, "Teal", "#00897B"),
            new Color(8, "Cyan", "#00ACC1"),
            new Color(9, "Light Blue", "#039BE5"),
            new Color(10, "Blue", "#1E88E5"),
            new Color(11, "Indigo", "#3949AB"),
            new Color(12, "Deep Purple", "#5E35B1"),
            new Color(13, "Purple", "#8E24AA"),
            new Color(14, "Pink", "#D81B60"),
            new Color(15, "Brown", "#6D4C41"),
            new Color(16, "Blue Grey", "#546E7A"),
            new Color(17, "Deep Orange", "#F4511E"),
            new Color(18, "Light Green", "#7CB342"),
            new Color(19, "Grey", "#757575"));

    private Palette() {}

    public static List<Color> colors() {
        return COLORS;
    }

    public static boolean contains(int index) {
        return index >= 0 && index < COLORS.size();
    }

    /** The highest valid index, for messages. */
    public static int maxIndex() {
        return COLORS.size() - 1;
    }
}
