package org.openprofiles.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The generated data set, loaded through the public routes only (bulk where there is one). Every
 * id and value is a function of an index, so the load generator can name any profile, account or
 * user without asking the server.
 *
 * <p>Certificate profiles: user {@code u} of the first hundred owns profiles {@code 10u … 10u+9}
 * (the small set of 1,000); the rest are spread over the other users with a stride, so that every
 * user owns ten and a user's profiles lie far apart in the table, as when they are issued over
 * years. Each owner's ten are Active ×6, Disabled, Suspended, Retired, Assigned. Access profiles: every
 * fiftieth has 100 groups and 20 attributes, the others 2–10 groups and 1–3 attributes (department
 * profiles); account {@code a} holds profile {@code a mod P}, is a member of its groups (one in ten
 * misses one) and carries its attribute values.
 */
final class Dataset {

    static final int SMALL_USERS = 100;
    static final int PROFILES_PER_USER = 10;
    static final int USER_STRIDE = 7919;

    private final int users;
    private final int templates;
    private final int profiles;
    private final int smallProfiles;
    private final int groups;
    private final int accessProfiles;
    private final int accounts;

    Dataset(Options options) {
        this.users = options.number("users");
        this.templates = options.number("templates");
        this.profiles = options.number("profiles");
        this.smallProfiles = options.number("small-profiles");
        this.groups = options.number("groups");
        this.accessProfiles = options.number("access-profiles");
        this.accounts = options.number("accounts");
        if (smallProfiles != SMALL_USERS * PROFILES_PER_USER || users <= SMALL_USERS || profiles <= smallProfiles) {
            throw new IllegalArgumentException("the small set is 1,000 profiles of the first 100 users; "
                    + "--users must exceed 100 and --profiles 1,000");
        }
    }

    int users() {
        return users;
    }

    int profiles() {
        return profiles;
    }

    int smallProfiles() {
        return smallProfiles;
    }

    int accessProfiles() {
        return accessProfiles;
    }

    int accounts() {
        return accounts;
    }

    // ids -------------------------------------------------------------------------------------

    static UUID id(String kind, long index) {
        return UUID.nameUUIDFromBytes((kind + index).getBytes(StandardCharsets.US_ASCII));
    }

    static UUID userId(int u) {
        return id("user", u);
    }

    static UUID templateId(int t) {
        return id("template", t);
    }

    static UUID profileId(long j) {
        return id("profile", j);
    }

    static UUID groupId(int g) {
        return id("group", g);
    }

    static UUID accessProfileId(int k) {
        return id("access-profile", k);
    }

    static UUID accountId(int a) {
        return id("account", a);
    }

    /** The owner of certificate profile {@code j}. */
    int ownerOf(long j) {
        if (j < smallProfiles) {
            return (int) (j / PROFILES_PER_USER);
        }
        return SMALL_USERS + (int) (((j - smallProfiles) * USER_STRIDE) % (users - SMALL_USERS));
    }

    /** An Active profile of user {@code u}: its first, whose rank is 0 (found by walking the stride once). */
    long aProfileOf(int u) {
        if (u < SMALL_USERS) {
            return (long) u * PROFILES_PER_USER;
        }
        for (long j = smallProfiles; j < Math.min(profiles, smallProfiles + users - SMALL_USERS); j++) {
            if (ownerOf(j) == u) {
                return j;
            }
        }
        throw new IllegalArgumentException("user " + u + " owns no profile");
    }

    int templateOf(long j) {
        return (int) (j % templates);
    }

    /** The status of profile {@code j}: by its rank among its owner's ten, so that each owner has six Active. */
    int statusOf(long j) {
        long rank = j < smallProfiles ? j % PROFILES_PER_USER : (j - smallProfiles) / (users - SMALL_USERS);
        return switch ((int) (rank % 10)) {
            case 6 -> 3; // Disabled
            case 7 -> 4; // Suspended
            case 8 -> 6; // Retired
            case 9 -> 1; // Assigned
            default -> 2; // Active
        };
    }

    int groupCountOf(int k) {
        return k % 50 == 0 ? Math.min(100, groups) : 2 + k % 9;
    }

    static int attributeCountOf(int k) {
        return k % 50 == 0 ? 20 : 1 + k % 3;
    }

    int groupOf(int k, int i) {
        return (k * 7 + i * 13) % groups;
    }

    static String attributeKey(int i) {
        return String.format(Locale.ROOT, "benchattr%02d", i + 1);
    }

    // loading ---------------------------------------------------------------------------------

    /** Templates (every operation enabled for owners; every fifth renews only with an approval). */
    void loadTemplates(Api admin) {
        for (int t = 0; t < templates; t++) {
            Map<String, Object> policies = new LinkedHashMap<>();
            for (String operation :
                    List.of("renew", "disable", "recover", "suspend", "reinstate", "unblock", "retire", "revoke")) {
                Map<String, Object> policy = new LinkedHashMap<>();
                policy.put("enabled", true);
                policy.put("ownerMayInitiate", true);
                policy.put("onBehalfRoles", List.of("cm-agent"));
                if (operation.equals("renew") && t % 5 == 0) {
                    policy.put("approvalsNeeded", 1);
                    policy.put("approverRole", "cm-approver");
                }
                policies.put(operation, policy);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", templateId(t).toString());
            body.put("name", String.format(Locale.ROOT, "bench-template-%02d", t));
            body.put("description", "benchmark template " + t);
            body.put("policies", policies);
            admin.post("admin/v1/profile-templates", body);
        }
    }

    /** Users through the bulk user import, in batches; returns how many the server created. */
    int loadUsers(Api admin, int batch) {
        return inBatches(users, batch, 2, (from, to) -> {
            StringBuilder json = new StringBuilder(64 * (to - from) + 2).append('[');
            for (int u = from; u < to; u++) {
                if (u > from) {
                    json.append(',');
                }
                json.append("{\"id\":\"")
                        .append(userId(u))
                        .append("\",\"login\":\"bench-user-")
                        .append(u)
                        .append("\",\"displayName\":\"Bench User ")
                        .append(u)
                        .append("\",\"roles\":[]}");
            }
            json.append(']');
            return admin.post("admin/v1/users/import", json.toString().getBytes(StandardCharsets.UTF_8))
                    .get("imported")
                    .asInt();
        });
    }

    /** A user with {@code roles}, and a fresh API token of it. */
    static String userWithToken(Api admin, String login, List<String> roles) {
        JsonNode user = admin.post("admin/v1/users", Map.of("login", login, "displayName", login, "roles", roles));
        return tokenOf(admin, UUID.fromString(user.get("id").asText()));
    }

    static String tokenOf(Api admin, UUID user) {
        return admin.post("admin/v1/users/" + user + "/tokens", Map.of("name", "benchmark"))
                .get("token")
                .asText();
    }

    /** Certificate profiles {@code from … to-1} through the import route, {@code parallel} calls at a time. */
    int loadProfiles(Api admin, long from, long to, int batch, int parallel) {
        return importProfiles(admin, profileImports(from, to, batch), parallel);
    }

    /**
     * The import route's bodies for certificate profiles {@code from … to-1}, {@code batch} to a
     * body. A timed import gets them ready before its clock starts, as wrk's requests are formatted
     * before it measures: making them (three name-based UUIDs per profile) took 2.5–3.4 s of this
     * process's CPU per million profiles, on the cores the server and PostgreSQL share.
     */
    List<byte[]> profileImports(long from, long to, int batch) {
        List<byte[]> bodies = new ArrayList<>();
        for (long a = from; a < to; a += batch) {
            long b = Math.min(to, a + batch);
            StringBuilder json = new StringBuilder(330 * (int) (b - a) + 2).append('[');
            for (long j = a; j < b; j++) {
                if (j > a) {
                    json.append(',');
                }
                json.append("{\"Uuid\":\"")
                        .append(profileId(j))
                        .append("\",\"Status\":")
                        .append(statusOf(j))
                        .append(",\"Flags\":0,\"ParentProfileUuid\":\"00000000-0000-0000-0000-000000000000\",")
                        .append(
                                "\"PrimaryProfileUuid\":\"00000000-0000-0000-0000-000000000000\",\"AssignedUserUuid\":\"")
                        .append(userId(ownerOf(j)))
                        .append("\",\"ProfileTemplateUuid\":\"")
                        .append(templateId(templateOf(j)))
                        .append("\",\"ProfileTemplateVersion\":1,\"Comment\":\"\"}");
            }
            bodies.add(json.append(']').toString().getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    /** Sends {@code bodies} to the import route, {@code parallel} calls at a time; how many profiles were imported. */
    static int importProfiles(Api admin, List<byte[]> bodies, int parallel) {
        return importProfiles(admin, bodies, parallel, answer -> {});
    }

    /**
     * As {@link #importProfiles(Api, List, int)}, telling {@code answered} when each call's answer
     * came (seconds from this call) and how many profiles it imported.
     */
    static int importProfiles(Api admin, List<byte[]> bodies, int parallel, Consumer<ImportPace.Answer> answered) {
        long t0 = System.nanoTime();
        return inBatches(bodies.size(), 1, parallel, (i, unused) -> {
            int imported = admin.post("admin/v1/certificate-profiles/import", bodies.get(i))
                    .get("imported")
                    .asInt();
            answered.accept(new ImportPace.Answer((System.nanoTime() - t0) / 1e9, imported));
            return imported;
        });
    }

    /** The directory (groups, accounts with memberships and values), the attribute catalog, access profiles and assignments. */
    void loadAccess(Api admin, Api manager) {
        for (int i = 0; i < 20; i++) {
            admin.put(
                    "admin/v1/access/attributes/" + attributeKey(i),
                    Map.of("label", "Bench attribute " + (i + 1), "type", "TextField", "maxLength", 64));
        }
        inBatches(groups, 5_000, 1, (from, to) -> {
            List<Map<String, Object>> body = new ArrayList<>();
            for (int g = from; g < to; g++) {
                String name = String.format(Locale.ROOT, "bench-group-%05d", g);
                body.add(Map.of(
                        "id", groupId(g), "name", name, "distinguishedName", "CN=" + name + ",OU=Groups,DC=bench"));
            }
            return admin.post("admin/v1/directory/groups", body).get("upserted").asInt();
        });
        inBatches(accounts, 10_000, 2, (from, to) -> {
            List<Map<String, Object>> body = new ArrayList<>();
            for (int a = from; a < to; a++) {
                int k = a % accessProfiles;
                List<UUID> member = new ArrayList<>();
                for (int i = 0; i < groupCountOf(k); i++) {
                    if (!(a % 10 == 0 && i == 0)) {
                        member.add(groupId(groupOf(k, i)));
                    }
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < attributeCountOf(k); i++) {
                    values.put(attributeKey(i), a % 20 == 0 && i == 0 ? "wrong" : "value-" + k + "-" + i);
                }
                String sam = String.format(Locale.ROOT, "bench%06d", a);
                Map<String, Object> account = new LinkedHashMap<>();
                account.put("id", accountId(a));
                account.put("samAccountName", sam);
                account.put("displayName", "Bench Account " + a);
                account.put("distinguishedName", "CN=" + sam + ",OU=People,DC=bench");
                account.put("enabled", true);
                account.put("groups", member);
                account.put("attributes", values);
                body.add(account);
            }
            return admin.post("admin/v1/directory/accounts", body)
                    .get("upserted")
                    .asInt();
        });
        inBatches(accessProfiles, 1, 2, (k, unused) -> {
            manager.post("api/v1/Profiles/CreateUpdate", accessProfile(k));
            return 1;
        });
        int perProfile = accounts / accessProfiles;
        inBatches(accessProfiles, 1, 2, (k, unused) -> {
            List<String> holders = new ArrayList<>();
            for (int n = 0; n < perProfile + 1; n++) {
                int a = n * accessProfiles + k;
                if (a < accounts) {
                    holders.add(accountId(a).toString());
                }
            }
            for (int i = 0; i < holders.size(); i += 1000) {
                manager.post(
                        "api/v1/Profiles/Assign",
                        Map.of(
                                "profileId",
                                accessProfileId(k).toString(),
                                "accountIds",
                                holders.subList(i, Math.min(holders.size(), i + 1000)),
                                "comment",
                                "benchmark"));
            }
            return 1;
        });
    }

    /** Access profile {@code k} as CreateUpdate takes it. */
    Map<String, Object> accessProfile(int k) {
        List<Map<String, Object>> memberOf = new ArrayList<>();
        for (int i = 0; i < groupCountOf(k); i++) {
            memberOf.add(Map.of("id", groupId(groupOf(k, i)).toString()));
        }
        List<Map<String, Object>> attributes = new ArrayList<>();
        for (int i = 0; i < attributeCountOf(k); i++) {
            attributes.add(Map.of("key", attributeKey(i), "value", "value-" + k + "-" + i));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", accessProfileId(k).toString());
        body.put("name", String.format(Locale.ROOT, "bench-profile-%04d", k));
        body.put("description", "benchmark department " + k);
        body.put("color", 1 + k % 18);
        body.put("groups", memberOf);
        body.put("ldapAttributes", attributes);
        return body;
    }

    /** A piece of work over items {@code from … to-1}; returns how many it did. */
    interface Batch {
        int load(int from, int to);
    }

    /** Runs {@code work} over {@code total} items in batches, {@code parallel} at a time; returns the sum. */
    static int inBatches(int total, int batch, int parallel, Batch work) {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int from = 0; from < total; from += batch) {
                int start = from;
                int end = Math.min(total, from + batch);
                done.add(pool.submit(() -> work.load(start, end)));
            }
            int sum = 0;
            for (Future<Integer> f : done) {
                sum += f.get();
            }
            return sum;
        } catch (Exception e) {
            throw new IllegalStateException("loading failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Items named by {@code ids}, e.g. the users that get tokens. */
    static <T> List<T> each(int count, IntFunction<T> item) {
        List<T> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(item.apply(i));
        }
        return items;
    }
}
