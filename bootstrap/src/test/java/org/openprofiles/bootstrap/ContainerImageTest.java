package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The container image tar that {@code packaging/container/build-image.sh} writes: it holds the
 * server jar and a Java runtime, runs the jar as the non-root user 10001, and keeps data in the
 * volume /data. Skipped (with this reason) when the image was not built: the build is not part of
 * {@code verify} (see docs/operations.md, "Container image").
 */
class ContainerImageTest {

    private static final Path TAR = Path.of("target", "openprofiles-image.tar");

    @Test
    void theImageRunsTheJarAsANonRootUserWithDataInAVolume() throws Exception {
        Assumptions.assumeTrue(Files.exists(TAR), "no image tar: build it with packaging/container/build-image.sh");
        Map<String, byte[]> entries = tar(Files.newInputStream(TAR));
        ObjectMapper json = new ObjectMapper();
        JsonNode config = null;
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            byte[] content = entry.getValue();
            if (content.length > 2 && content[0] == (byte) 0x1f && content[1] == (byte) 0x8b) {
                files.addAll(tar(new GZIPInputStream(new ByteArrayInputStream(content)))
                        .keySet());
            } else if (content.length > 0 && content[0] == '{') {
                JsonNode node = json.readTree(content);
                if (node.has("config") && node.get("config").has("Entrypoint")) {
                    config = node.get("config");
                }
            }
        }
        assertTrue(config != null, "an image configuration in " + entries.keySet());
        assertEquals("10001:10001", config.get("User").asText());
        assertEquals(
                "[\"/opt/java/bin/java\",\"-XX:MaxRAMPercentage=75\",\"-jar\",\"/app/openprofiles-server.jar\"]",
                config.get("Entrypoint").toString());
        assertTrue(config.get("Volumes").has("/data"), config.toString());
        assertTrue(config.get("Env").toString().contains("PROFILES_DATA_DIR=/data"), config.toString());
        for (String expected : List.of("app/openprofiles-server.jar", "opt/java/bin/java", "bin/sh", "etc/passwd")) {
            assertTrue(
                    files.stream()
                            .anyMatch(f -> f.replaceFirst("^\\./", "")
                                    .replaceFirst("^/", "")
                                    .equals(expected)),
                    expected + " in the image's layers");
        }
    }

    /** The regular files of a tar stream by name (ustar: 512-byte headers, size in octal). */
    private static Map<String, byte[]> tar(InputStream in) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (InputStream stream = in) {
            byte[] header = new byte[512];
            while (stream.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                long size = Long.parseLong(
                        text(header, 124, 12).strip().isEmpty()
                                ? "0"
                                : text(header, 124, 12).strip(),
                        8);
                byte[] content = stream.readNBytes((int) size);
                stream.skipNBytes((512 - size % 512) % 512);
                if (header[156] == '0' || header[156] == 0) {
                    files.put(prefix.isEmpty() ? name : prefix + "/" + name, content);
                }
            }
        }
        return files;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }
}
