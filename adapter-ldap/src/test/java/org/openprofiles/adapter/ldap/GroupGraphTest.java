package org.openprofiles.adapter.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openprofiles.domain.access.GroupId;

/** The group graph resolves memberships however a server spells a DN, and survives circular nesting. */
class GroupGraphTest {

    private static final GroupId STAFF = new GroupId(UUID.randomUUID());
    private static final GroupId SALES = new GroupId(UUID.randomUUID());
    private static final GroupId LOOP = new GroupId(UUID.randomUUID());

    @Test
    void memberDnsMatchIgnoringCaseAndSpacingAndNestingIsTransitive() {
        GroupGraph graph = new GroupGraph();
        graph.add(STAFF, "cn=staff,ou=groups,dc=example,dc=org", new String[0], new String[] {
            "CN=Sales, OU=Groups, DC=example, DC=org"
        });
        graph.add(SALES, "cn=sales,ou=groups,dc=example,dc=org", new String[0], new String[] {
            "uid=alice,ou=people,dc=example,dc=org", "cn=loop,ou=groups,dc=example,dc=org"
        });
        graph.add(LOOP, "cn=loop,ou=groups,dc=example,dc=org", new String[0], new String[] {
            "cn=sales,ou=groups,dc=example,dc=org"
        });
        graph.resolve();

        assertEquals(
                Set.of(STAFF, SALES, LOOP), graph.groupsOf("UID=Alice,OU=People,DC=Example,DC=Org", new byte[0][]));
        assertEquals(Set.of(), graph.groupsOf("uid=bob,ou=people,dc=example,dc=org", new byte[0][]));
    }

    @Test
    void memberOfValuesResolveThroughTheGroupsOwnMemberOf() {
        GroupGraph graph = new GroupGraph();
        graph.add(STAFF, "CN=Staff,DC=corp", new String[0], new String[0]);
        graph.add(SALES, "CN=Sales,DC=corp", new String[] {"cn=staff,dc=corp"}, new String[0]);
        graph.resolve();

        assertEquals(
                Set.of(STAFF, SALES),
                graph.groupsOf(
                        "CN=Alice,DC=corp", utf8("CN=Sales,DC=corp", "cn=sales, dc=CORP", "CN=Unknown,DC=corp")));
    }

    @Test
    void memberOfValuesAreFoundByTheirBytesAndByTheNormalisedDnWhenWrittenOtherwise() {
        GroupGraph graph = new GroupGraph();
        graph.add(STAFF, "CN=Staff,DC=corp", new String[0], new String[0]);
        graph.add(SALES, "CN=Sales,DC=corp", new String[0], new String[0]);
        graph.resolve();

        assertEquals(0, graph.find("CN=Staff,DC=corp".getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, graph.find("cn=sales,  dc=corp".getBytes(StandardCharsets.UTF_8)));
        assertEquals(-1, graph.find("CN=Staff,DC=other".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Set.of(STAFF), graph.groupsOf("CN=Bob,DC=corp", utf8("CN=Staff,DC=corp")));
        assertEquals(
                Set.of(SALES), graph.groupsOf("CN=Bob,DC=corp", utf8("CN=Sales,DC=corp")), "one member after another");
    }

    private static byte[][] utf8(String... dns) {
        byte[][] bytes = new byte[dns.length][];
        for (int i = 0; i < dns.length; i++) {
            bytes[i] = dns[i].getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }

    @Test
    void longIntMapKeepsEveryKeyThroughGrowth() {
        LongIntMap map = new LongIntMap();
        for (int i = 0; i < 100_000; i++) {
            map.put(GroupGraph.hash("dn" + i), i);
        }
        assertEquals(100_000, map.size());
        assertEquals(4_711, map.get(GroupGraph.hash("dn4711")));
        assertEquals(-1, map.get(GroupGraph.hash("absent")));
    }
}
