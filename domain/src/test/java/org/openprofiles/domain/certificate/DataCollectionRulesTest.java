package org.openprofiles.domain.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.shared.Invalid;

class DataCollectionRulesTest {

    private static OperationPolicy collecting(DataCollectionItem... items) {
        return OperationPolicy.selfService().collecting(List.of(items));
    }

    private static CertificateRequest.DataItem item(String name, String value) {
        return new CertificateRequest.DataItem(name, value);
    }

    @Test
    void aRequiredItemMustBePresentAndNotBlankMatchingItsNameInAnyCase() {
        OperationPolicy policy = collecting(DataCollectionItem.of("Request Reason", "", true));
        assertEquals(List.of(), policy.violationsOf(List.of(item("request reason ", "VPN")), "datacollection"));
        List<Invalid.Violation> missing = policy.violationsOf(List.of(item("City", "Seattle")), "datacollection");
        assertEquals("data_collection_item_required", missing.get(0).code());
        assertEquals("datacollection", missing.get(0).field());
        assertEquals(
                1,
                policy.violationsOf(List.of(item("Request Reason", "  ")), "datacollection")
                        .size());
    }

    @Test
    void optionalItemsMayBeLeftOutButNotExceedTheirLength() {
        OperationPolicy policy = collecting(new DataCollectionItem("Cost centre", "", false, 4));
        assertEquals(List.of(), policy.violationsOf(List.of(), "datacollection"));
        assertEquals(
                "data_collection_item_too_long",
                policy.violationsOf(List.of(item("Cost centre", "12345")), "datacollection")
                        .get(0)
                        .code());
    }

    @Test
    void itemNamesAreUniqueIgnoringCaseAndAPinHasOneSource() {
        assertThrows(
                Invalid.class,
                () -> collecting(
                        DataCollectionItem.of("Reason", "", true), DataCollectionItem.of("REASON", "", false)));
        Invalid both = assertThrows(
                Invalid.class,
                () -> new OperationPolicy(true, true, Set.of(), 0, Optional.empty(), true, true, List.of()));
        assertEquals("pin_source_conflict", both.code());
    }

    @Test
    void aPolicyThatAsksForNoPinSetsNone() {
        assertEquals(false, OperationPolicy.selfService().setsPin());
        assertEquals(
                true, new OperationPolicy(true, true, Set.of(), 0, Optional.empty(), false, true, List.of()).setsPin());
    }
}
