package org.openprofiles.adapter.memory.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openprofiles.application.contract.Fixtures.NOW;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openprofiles.adapter.memory.testing.MemoryStorage;
import org.openprofiles.application.access.CachedAccessProfiles;
import org.openprofiles.application.contract.Fixtures;
import org.openprofiles.application.shared.ChangeAwareCache;
import org.openprofiles.domain.access.AccessProfile;
import org.openprofiles.domain.access.AccessProfiles;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.ProfileFilter;
import org.openprofiles.domain.access.RequiredGroup;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.PageRequest;

/**
 * The ARM list reads its page as ids and the profiles from memory, and what changes a profile or
 * the name of one of its groups shows on the very next list.
 */
class CachedAccessProfilesTest {

    private MemoryStorage storage;
    private Fixtures fixtures;
    private final AtomicInteger loads = new AtomicInteger();
    private CachedAccessProfiles cached;
    private ProfileFilter ours;

    /** The stored port, counting how many times profiles are loaded from it. */
    private static AccessProfiles counting(AccessProfiles delegate, AtomicInteger loads) {
        Set<String> loading = Set.of("list", "findAll", "find");
        return (AccessProfiles) Proxy.newProxyInstance(
                AccessProfiles.class.getClassLoader(), new Class<?>[] {AccessProfiles.class}, (proxy, method, args) -> {
                    if (loading.contains(method.getName())) {
                        loads.incrementAndGet();
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @BeforeEach
    void wire() {
        storage = new MemoryStorage();
        fixtures = new Fixtures(storage);
        cached = new CachedAccessProfiles(
                counting(storage.accessProfiles(), loads),
                storage.changeFeed(),
                storage.transactions(),
                new ChangeAwareCache.Settings(100, Duration.ofMinutes(5)));
        ours = new ProfileFilter(Optional.empty(), Optional.of(Fixtures.token()));
    }

    private AccessProfile profile(String name, List<Group> groups) {
        return fixtures.storedAccessProfile(
                ours.search().orElseThrow() + name, groups, List.of(new AttributeValue("title", "Clerk")));
    }

    private List<AccessProfile> list() {
        return cached.list(ours, PageRequest.first(10)).items();
    }

    @Test
    void aSecondListOfTheSamePageLoadsNoProfile() {
        AccessProfile alpha = profile("alpha", List.of(fixtures.group("Sales")));
        AccessProfile bravo = profile("bravo", List.of());

        assertEquals(List.of(alpha, bravo), list());
        int before = loads.get();
        assertEquals(List.of(alpha, bravo), list());
        assertEquals(before, loads.get());
    }

    @Test
    void aRevisedOrDeletedProfileShowsOnTheNextList() {
        AccessProfile alpha = profile("alpha", List.of());
        AccessProfile bravo = profile("bravo", List.of());
        list();

        AccessProfile revised = cached.update(new AccessProfile(
                alpha.id(),
                alpha.name(),
                "revised",
                9,
                "RV",
                alpha.createdAt(),
                alpha.modifiedAt(),
                List.of(),
                List.of(),
                alpha.version()));
        assertEquals(List.of(revised, bravo), list());

        cached.delete(bravo.id());
        assertEquals(List.of(revised), list());
    }

    @Test
    void aGroupRenamedInTheDirectoryShowsOnTheNextListOfTheProfilesThatNameIt() {
        Group sales = fixtures.group("Sales");
        AccessProfile alpha = profile("alpha", List.of(sales));
        list();

        Group renamed = new Group(sales.id(), "Sales and Marketing", "CN=Sales and Marketing,DC=example,DC=org");
        storage.directory().mergeGroups(List.of(renamed));

        assertEquals(List.of(renamed), list().get(0).groups());
        assertEquals(alpha.id(), list().get(0).id());
    }

    @Test
    void aProfileTooLargeToKeepIsReadEachTime() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i <= 1_000; i++) {
            names.add("group-" + i);
        }
        List<Group> many = names.stream().map(fixtures::group).toList();
        profile("large", many);

        list();
        int before = loads.get();
        list();
        assertEquals(before + 1, loads.get());
    }

    @Test
    void insideAUnitOfWorkTheStoredProfilesAreRead() {
        AccessProfile alpha = profile("alpha", List.of());
        list();
        int before = loads.get();

        storage.transactions().run(() -> assertEquals(List.of(alpha), list()));
        assertEquals(before + 1, loads.get());
    }

    @Test
    void findAllAnswersFromMemoryInNameOrder() {
        AccessProfile alpha = profile("alpha", List.of());
        AccessProfile bravo = profile("bravo", List.of());

        assertEquals(List.of(alpha, bravo), cached.findAll(List.of(bravo.id(), alpha.id())));
        int before = loads.get();
        assertEquals(List.of(alpha, bravo), cached.findAll(List.of(bravo.id(), alpha.id())));
        assertEquals(before, loads.get());
    }

    @Test
    void anAccountsRequiredGroupsComeFromTheKeptProfilesAndShowARenameAtOnce() {
        Group sales = fixtures.group("Sales");
        Group audit = fixtures.group("Audit");
        AccessProfile alpha = profile("alpha", List.of(sales, audit));
        Account account = fixtures.account("s" + Fixtures.token(), Set.of(sales.id()), List.of());
        storage.assignments().assign(alpha.id(), List.of(account.id()), "why", new UserId(UUID.randomUUID()), NOW);

        assertEquals(
                List.of(
                        new RequiredGroup(alpha.id(), alpha.name(), audit, false),
                        new RequiredGroup(alpha.id(), alpha.name(), sales, true)),
                requiredGroups(account));
        int before = loads.get();
        requiredGroups(account);
        assertEquals(before, loads.get(), "the profile came from memory");

        Group renamed = new Group(audit.id(), "Zeta audit", "CN=Zeta audit,DC=example,DC=org");
        storage.directory().mergeGroups(List.of(renamed));
        assertEquals(
                List.of(
                        new RequiredGroup(alpha.id(), alpha.name(), sales, true),
                        new RequiredGroup(alpha.id(), alpha.name(), renamed, false)),
                requiredGroups(account));
    }

    private List<RequiredGroup> requiredGroups(Account account) {
        return storage.assignments()
                .requiredGroups(account.id(), PageRequest.first(10), cached)
                .items();
    }
}
