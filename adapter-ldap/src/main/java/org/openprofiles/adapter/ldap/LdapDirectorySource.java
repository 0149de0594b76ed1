package org.openprofiles.adapter.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.util.StaticUtils;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openprofiles.adapter.ldap.LdapAttributes.Mapped;
import org.openprofiles.adapter.ldap.LdapSettings.ChangeTracking;
import org.openprofiles.adapter.ldap.LdapSettings.Membership;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.access.directory.DirectoryReadRequest;
import org.openprofiles.domain.access.directory.DirectoryReadResult;
import org.openprofiles.domain.access.directory.DirectoryReadResult.ReadScope;
import org.openprofiles.domain.access.directory.DirectoryReadResult.SkippedEntry;
import org.openprofiles.domain.access.directory.DirectorySink;
import org.openprofiles.domain.access.directory.DirectorySource;
import org.openprofiles.domain.access.directory.Watermark;
import org.openprofiles.domain.shared.DomainFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads accounts and groups from an LDAP server or Active Directory (see {@link DirectorySource}
 * for the contract). One connection per read; groups first, each page handed to the sink as it
 * arrives while the group graph is kept; then accounts page by page, each with its nested groups
 * resolved against that graph.
 *
 * <p>Incremental reads: Active Directory's {@code uSNChanged} above the {@code highestCommittedUSN}
 * read before the previous read started (valid only against the same domain controller), or
 * {@code modifyTimestamp} at or after a bound that is certainly no later than the start of the
 * previous read (the newest timestamp that read saw minus its duration: needs no clock
 * agreement with the server). Groups are read in full every time; when any group changed or one
 * disappeared, memberships may have changed without the accounts' entries changing (AD keeps
 * memberOf as a back-link), so the accounts are then read in full too.
 */
public final class LdapDirectorySource implements DirectorySource {

    private static final Logger LOG = LoggerFactory.getLogger(LdapDirectorySource.class);
    private static final String USN = "uSNChanged";
    private static final String MODIFY_TIMESTAMP = "modifyTimestamp";
    private static final String USER_ACCOUNT_CONTROL = "userAccountControl";
    private static final int ACCOUNT_DISABLED = 0x2;
    private static final DateTimeFormatter GENERALIZED_SECONDS = DateTimeFormatter.ofPattern("uuuuMMddHHmmss'Z'");

    private final LdapSettings settings;
    private final LdapConnector connector;

    public LdapDirectorySource(LdapSettings settings) {
        this.settings = settings;
        this.connector = new LdapConnector(settings);
    }

    @Override
    public DirectoryReadResult read(DirectoryReadRequest request, DirectorySink sink) {
        long started = System.nanoTime();
        try (LDAPConnection connection = connector.open()) {
            DirectoryReadResult result = new Run(connection, request, sink, started).execute();
            LOG.info(
                    "Directory {}: read {} groups and {} accounts ({}) in {} pages, {} ms{}",
                    settings.server(),
                    result.groupsRead(),
                    result.accountsRead(),
                    result.accountScope(),
                    result.pagesRead(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    result.skippedEntries() == 0 ? "" : ", " + result.skippedEntries() + " entries skipped");
            return result;
        }
    }

    /** The state of one read. */
    private final class Run {

        private final LDAPConnection connection;
        private final DirectoryReadRequest request;
        private final DirectorySink sink;
        private final long started;
        private final String fingerprint;
        private final PagedSearch search;
        private final GroupGraph graph = new GroupGraph();
        private final Optional<Filter> disabledFilter;
        private final LdapAttributes names = settings.attributes();
        private final List<SkippedEntry> skippedSamples = new ArrayList<>();
        private Optional<Watermarks.Position> previous = Optional.empty();
        private String fullReason;
        private long groupsDigest;
        private boolean groupChanged;
        private Optional<Instant> newestTimestamp = Optional.empty();
        private String newestStampText;
        private long groups;
        private long accounts;
        private long skipped;

        Run(LDAPConnection connection, DirectoryReadRequest request, DirectorySink sink, long started) {
            this.connection = connection;
            this.request = request;
            this.sink = sink;
            this.started = started;
            this.fingerprint = Watermarks.fingerprint(settings, request.attributeKeys());
            this.search = new PagedSearch(connection, settings.pageSize());
            this.disabledFilter = settings.disabledFilter().map(LdapFilters::parse);
        }

        DirectoryReadResult execute() {
            request.since().ifPresent(this::acceptWatermark);
            Optional<String[]> usnAtStart =
                    settings.changeTracking() == ChangeTracking.USN ? readHighestUsn() : Optional.empty();
            readGroups();
            if (previous.isPresent()
                    && (groupChanged || groupsDigest != previous.get().groupsDigest())) {
                fall("groups changed since the watermark, so memberships may have changed");
            }
            readAccounts();
            Optional<Watermark> next = nextWatermark(usnAtStart);
            return new DirectoryReadResult(
                    previous.isPresent() ? ReadScope.CHANGES : ReadScope.FULL,
                    Optional.ofNullable(fullReason),
                    next,
                    groups,
                    accounts,
                    search.pages(),
                    skipped,
                    skippedSamples);
        }

        private void acceptWatermark(Watermark watermark) {
            if (settings.changeTracking() == ChangeTracking.NONE) {
                fall("change tracking is turned off in the directory settings");
                return;
            }
            Optional<Watermarks.Position> p = Watermarks.decode(watermark);
            if (p.isEmpty()
                    || !p.get().kind().equals(settings.changeTracking().setting())
                    || !p.get().fingerprint().equals(fingerprint)) {
                fall("the watermark was written under other settings or for other attributes");
                return;
            }
            previous = p;
        }

        private void fall(String reason) {
            if (fullReason == null) {
                fullReason = reason;
            }
            previous = Optional.empty();
        }

        /** highestCommittedUSN and the server's identity, read before anything else. */
        private Optional<String[]> readHighestUsn() {
            Entry root;
            try {
                root = connection.getEntry("", "highestCommittedUSN", "dsServiceName", "serverName");
            } catch (LDAPException e) {
                throw connector.failure("reading the root DSE", e, null);
            }
            String usn = root == null ? null : root.getAttributeValue("highestCommittedUSN");
            if (usn == null || !usn.strip().matches("\\d{1,19}")) {
                if (request.since().isPresent()) {
                    fall("the server reports no highestCommittedUSN");
                }
                return Optional.empty();
            }
            String server = Optional.ofNullable(root.getAttributeValue("dsServiceName"))
                    .or(() -> Optional.ofNullable(root.getAttributeValue("serverName")))
                    .orElse(settings.server());
            if (previous.isPresent() && !previous.get().server().equals(server.replace('|', '/'))) {
                fall("the watermark is from another domain controller ("
                        + previous.get().server() + ")");
            }
            return Optional.of(new String[] {server, usn.strip()});
        }

        private void readGroups() {
            List<String> attributes = new ArrayList<>(List.of(names.id(), names.groupName()));
            attributes.add(settings.membership() == Membership.MEMBER_OF ? names.memberOf() : names.member());
            changeStampAttribute().ifPresent(attributes::add);
            try {
                search.run(
                        settings.baseDn(),
                        LdapFilters.parse(settings.groupFilter()),
                        attributes.toArray(String[]::new),
                        this::groupPage);
            } catch (LDAPException e) {
                throw connector.failure("reading groups", e, null);
            }
            graph.resolve();
        }

        private void groupPage(List<SearchResultEntry> entries) {
            List<Group> page = new ArrayList<>(entries.size());
            for (SearchResultEntry entry : entries) {
                Optional<UUID> id = id(entry);
                if (id.isEmpty()) {
                    skip(entry, "no usable " + names.id());
                    continue;
                }
                String name = Optional.ofNullable(entry.getAttributeValue(names.groupName()))
                        .filter(n -> !n.isBlank())
                        .orElseGet(() -> firstRdnValue(entry));
                Group group;
                try {
                    group = new Group(new GroupId(id.get()), name, entry.getDN());
                } catch (DomainFailure e) {
                    skip(entry, e.getMessage());
                    continue;
                }
                boolean memberOf = settings.membership() == Membership.MEMBER_OF;
                graph.add(
                        group.id(),
                        entry.getDN(),
                        memberOf ? values(entry, names.memberOf()) : new String[0],
                        memberOf ? new String[0] : values(entry, names.member()));
                groupsDigest += mix(id.get());
                noteChange(entry, true);
                page.add(group);
            }
            groups += page.size();
            if (!page.isEmpty()) {
                sink.groups(page);
            }
        }

        private void readAccounts() {
            Filter filter = LdapFilters.parse(settings.userFilter());
            if (previous.isPresent()) {
                Watermarks.Position p = previous.get();
                filter = settings.changeTracking() == ChangeTracking.USN
                        ? Filter.createANDFilter(
                                filter,
                                Filter.createGreaterOrEqualFilter(USN, Long.toString(Long.parseLong(p.position()) + 1)))
                        : Filter.createANDFilter(
                                filter, Filter.createGreaterOrEqualFilter(MODIFY_TIMESTAMP, p.position()));
            }
            Set<String> attributes = new LinkedHashSet<>(List.of(names.id(), names.login(), names.displayName()));
            if (settings.membership() == Membership.MEMBER_OF) {
                attributes.add(names.memberOf());
            }
            if (disabledFilter.isPresent()) {
                attributes.addAll(attributeNames(disabledFilter.get()));
            } else {
                attributes.add(USER_ACCOUNT_CONTROL);
            }
            request.attributeKeys()
                    .forEach(key -> attributes.add(names.catalogAttribute(key).ldapAttribute()));
            changeStampAttribute().ifPresent(attributes::add);
            try {
                search.run(settings.baseDn(), filter, attributes.toArray(String[]::new), this::accountPage);
            } catch (LDAPException e) {
                throw connector.failure("reading accounts", e, null);
            }
        }

        private void accountPage(List<SearchResultEntry> entries) {
            List<Account> page = new ArrayList<>(entries.size());
            for (SearchResultEntry entry : entries) {
                account(entry).ifPresent(page::add);
                noteChange(entry, false);
            }
            accounts += page.size();
            if (!page.isEmpty()) {
                sink.accounts(page);
            }
        }

        private Optional<Account> account(SearchResultEntry entry) {
            Optional<UUID> id = id(entry);
            if (id.isEmpty()) {
                skip(entry, "no usable " + names.id());
                return Optional.empty();
            }
            String login = entry.getAttributeValue(names.login());
            if (login == null || login.isBlank()) {
                skip(entry, "no " + names.login());
                return Optional.empty();
            }
            byte[][] memberOf =
                    settings.membership() == Membership.MEMBER_OF ? rawValues(entry, names.memberOf()) : new byte[0][];
            List<AttributeValue> attributes =
                    new ArrayList<>(request.attributeKeys().size());
            for (String key : request.attributeKeys()) {
                Mapped mapped = names.catalogAttribute(key);
                // Multi-valued attributes: the first value counts (the catalog holds one value per key).
                String raw = entry.getAttributeValue(mapped.ldapAttribute());
                if (raw != null && !raw.isEmpty()) {
                    attributes.add(new AttributeValue(key, DirectoryValues.read(raw, mapped.format())));
                }
            }
            try {
                return Optional.of(new Account(
                        new AccountId(id.get()),
                        login,
                        entry.getAttributeValue(names.displayName()),
                        entry.getDN(),
                        enabled(entry),
                        graph.groupsOf(entry.getDN(), memberOf),
                        attributes));
            } catch (DomainFailure e) {
                skip(entry, e.getMessage());
                return Optional.empty();
            }
        }

        private boolean enabled(Entry entry) {
            if (disabledFilter.isPresent()) {
                try {
                    return !disabledFilter.get().matchesEntry(entry);
                } catch (LDAPException e) {
                    return true;
                }
            }
            String control = entry.getAttributeValue(USER_ACCOUNT_CONTROL);
            try {
                return control == null || (Long.parseLong(control.strip()) & ACCOUNT_DISABLED) == 0;
            } catch (NumberFormatException e) {
                return true;
            }
        }

        private Optional<UUID> id(Entry entry) {
            return switch (names.idFormat()) {
                case BINARY_GUID -> DirectoryValues.fromBinaryGuid(entry.getAttributeValueBytes(names.id()));
                case UUID -> DirectoryValues.fromUuidText(entry.getAttributeValue(names.id()));
            };
        }

        private Optional<String> changeStampAttribute() {
            return switch (settings.changeTracking()) {
                case USN -> Optional.of(USN);
                case MODIFY_TIMESTAMP -> Optional.of(MODIFY_TIMESTAMP);
                case NONE -> Optional.empty();
            };
        }

        /** Remembers whether a group changed since the watermark, and the newest modifyTimestamp seen. */
        private void noteChange(Entry entry, boolean isGroup) {
            if (settings.changeTracking() == ChangeTracking.USN) {
                String usn = entry.getAttributeValue(USN);
                if (isGroup
                        && previous.isPresent()
                        && usn != null
                        && usn.strip().matches("\\d{1,19}")
                        && Long.parseLong(usn.strip())
                                > Long.parseLong(previous.get().position())) {
                    groupChanged = true;
                }
            } else if (settings.changeTracking() == ChangeTracking.MODIFY_TIMESTAMP) {
                String stamp = entry.getAttributeValue(MODIFY_TIMESTAMP);
                if (stamp == null) {
                    return;
                }
                // Parse only a stamp that sorts after the newest so far: one server writes one format,
                // in which text order is time order (a mixed format can only make the bound earlier).
                boolean newer = newestStampText == null || stamp.compareTo(newestStampText) > 0;
                if (!newer && !(isGroup && previous.isPresent())) {
                    return;
                }
                try {
                    Instant seen = StaticUtils.decodeGeneralizedTime(stamp).toInstant();
                    if (newer && (newestTimestamp.isEmpty() || seen.isAfter(newestTimestamp.get()))) {
                        newestTimestamp = Optional.of(seen);
                        newestStampText = stamp;
                    }
                    if (isGroup
                            && previous.isPresent()
                            && !seen.isBefore(timestamp(previous.get().position()))) {
                        groupChanged = true;
                    }
                } catch (ParseException e) {
                    // A server writing unreadable timestamps gives no watermark evidence; the entry still counts.
                }
            }
        }

        private Optional<Watermark> nextWatermark(Optional<String[]> usnAtStart) {
            return switch (settings.changeTracking()) {
                case NONE -> Optional.empty();
                case USN ->
                    usnAtStart.map(u -> Watermarks.encode(new Watermarks.Position(
                            ChangeTracking.USN.setting(), fingerprint, groupsDigest, u[0], u[1])));
                case MODIFY_TIMESTAMP -> {
                    // Everything changed after this read started is at or after (newest seen - duration):
                    // the newest timestamp is no later than the server's clock at the end.
                    Duration took =
                            Duration.ofNanos(System.nanoTime() - started).plusSeconds(1);
                    Optional<Instant> bound = newestTimestamp.map(t -> t.minus(took));
                    if (previous.isPresent()) {
                        Instant before = timestamp(previous.get().position());
                        bound = Optional.of(bound.filter(b -> b.isAfter(before)).orElse(before));
                    }
                    yield bound.map(b -> Watermarks.encode(new Watermarks.Position(
                            ChangeTracking.MODIFY_TIMESTAMP.setting(),
                            fingerprint,
                            groupsDigest,
                            settings.server(),
                            GENERALIZED_SECONDS.format(b.atOffset(ZoneOffset.UTC)))));
                }
            };
        }

        private void skip(Entry entry, String reason) {
            skipped++;
            if (skippedSamples.size() < DirectoryReadResult.MAX_SKIPPED_SAMPLES) {
                skippedSamples.add(new SkippedEntry(entry.getDN(), reason));
            }
        }
    }

    private static Instant timestamp(String generalized) {
        try {
            return StaticUtils.decodeGeneralizedTime(generalized).toInstant();
        } catch (ParseException e) {
            return Instant.EPOCH;
        }
    }

    private static String[] values(Entry entry, String attribute) {
        String[] values = entry.getAttributeValues(attribute);
        return values == null ? new String[0] : values;
    }

    /** The values as the server sent them, undecoded (for DNs looked up by their bytes). */
    private static byte[][] rawValues(Entry entry, String attribute) {
        Attribute values = entry.getAttribute(attribute);
        if (values == null) {
            return new byte[0][];
        }
        ASN1OctetString[] raw = values.getRawValues();
        byte[][] bytes = new byte[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            bytes[i] = raw[i].getValue();
        }
        return bytes;
    }

    private static String firstRdnValue(Entry entry) {
        try {
            RDN rdn = entry.getParsedDN().getRDN();
            return rdn == null ? entry.getDN() : rdn.getAttributeValues()[0];
        } catch (LDAPException e) {
            return entry.getDN();
        }
    }

    /** Every attribute a filter looks at, so they are requested with the entries it is evaluated on. */
    private static List<String> attributeNames(Filter filter) {
        List<String> names = new ArrayList<>();
        if (filter.getAttributeName() != null) {
            names.add(filter.getAttributeName());
        }
        for (Filter component : filter.getComponents()) {
            names.addAll(attributeNames(component));
        }
        if (filter.getNOTComponent() != null) {
            names.addAll(attributeNames(filter.getNOTComponent()));
        }
        return names;
    }

    /** An order-independent digest term of one group id. */
    private static long mix(UUID id) {
        return GroupGraph.hash(id.toString());
    }
}
