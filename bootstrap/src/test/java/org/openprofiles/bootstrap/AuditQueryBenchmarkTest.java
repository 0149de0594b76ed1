package org.openprofiles.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Figures for the audit route on a large trail: 500,000 events, one rare actor and one rare
 * object among them. Each filter is asked 20 times, so the prepared statement's generic plan
 * (PostgreSQL switches after five executions) is measured as well as the first custom plans.
 */
@Tag("benchmark")
class AuditQueryBenchmarkTest extends EndToEndTest {

    @Test
    void filteredAuditPagesStayFastOnALargeTrail() {
        UUID rareActor = UUID.randomUUID();
        db.execute("""
                INSERT INTO audit_event (id, occurred_at, actor, action, object_type, object_id, before, after)
                SELECT gen_random_uuid(), now() - make_interval(secs => g), gen_random_uuid(),
                       'thing.update', 'thing', 'thing-' || g, '{}', '{"n":1}'
                  FROM generate_series(1, 500000) g
                """);
        db.execute("INSERT INTO audit_event (id, occurred_at, actor, action, object_type, object_id) VALUES "
                + "(gen_random_uuid(), now() - interval '400 days', '" + rareActor
                + "', 'rare.action', 'rare', 'r-1')");
        db.execute("ANALYZE audit_event");
        for (String filter : new String[] {
            "",
            "actor=" + rareActor,
            "objectType=rare&objectId=r-1",
            "action=rare.action",
            "objectType=thing&objectId=thing-250000"
        }) {
            long[] micros = new long[20];
            for (int i = 0; i < micros.length; i++) {
                long start = System.nanoTime();
                HttpResponse<String> page = http.get("/admin/v1/audit?limit=50&" + filter, TestUsers.admin());
                micros[i] = (System.nanoTime() - start) / 1_000;
                assertEquals(200, page.statusCode(), page.body());
            }
            long[] sorted = micros.clone();
            Arrays.sort(sorted);
            System.out.printf(
                    "audit ?%s: first %d us, median %d us, worst %d us, last %d us%n",
                    filter, micros[0], sorted[10], sorted[19], micros[19]);
        }
    }
}
