package org.openprofiles.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetImportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theImportsBodiesHoldEveryProfileOnceInOrderABatchToABody() throws IOException {
        Dataset dataset = new Dataset(Options.parse(new String[] {"--users", "200", "--profiles", "1025"}));

        List<byte[]> bodies = dataset.profileImports(1000, 1025, 10);

        List<Integer> sizes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (byte[] body : bodies) {
            JsonNode items = JSON.readTree(body);
            sizes.add(items.size());
            items.forEach(item -> ids.add(item.get("Uuid").asText()));
        }
        assertEquals(List.of(10, 10, 5), sizes);
        List<String> expected = new ArrayList<>();
        for (long j = 1000; j < 1025; j++) {
            expected.add(Dataset.profileId(j).toString());
        }
        assertEquals(expected, ids);
        JsonNode first = JSON.readTree(bodies.get(0)).get(0);
        assertEquals(
                Dataset.userId(dataset.ownerOf(1000)).toString(),
                first.get("AssignedUserUuid").asText());
        assertEquals(1, first.get("ProfileTemplateVersion").asInt());
    }
}
