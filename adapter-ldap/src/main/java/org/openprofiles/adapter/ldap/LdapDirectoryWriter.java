package org.openprofiles.adapter.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openprofiles.adapter.ldap.LdapAttributes.Mapped;
import org.openprofiles.domain.access.directory.DirectoryChange;
import org.openprofiles.domain.access.directory.DirectoryChange.AddToGroup;
import org.openprofiles.domain.access.directory.DirectoryChange.SetAttribute;
import org.openprofiles.domain.access.directory.DirectoryChangeResult;
import org.openprofiles.domain.access.directory.DirectoryChangeResult.Outcome;
import org.openprofiles.domain.access.directory.DirectoryWriter;
import org.openprofiles.domain.shared.Forbidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies remediation to the directory with LDAP modify operations, one per change, when the
 * settings allow writing: an account is added to a group by adding its DN to the group's member
 * attribute; an attribute is replaced in the form the directory keeps (FILETIME for AD's
 * accountExpires). Accounts and groups are found by their id under the base DN and the filters,
 * so a change can only touch objects the sync reads. A change that finds the directory already
 * that way writes nothing and says so.
 */
public final class LdapDirectoryWriter implements DirectoryWriter {

    private static final Logger LOG = LoggerFactory.getLogger(LdapDirectoryWriter.class);

    private final LdapSettings settings;
    private final LdapConnector connector;

    public LdapDirectoryWriter(LdapSettings settings) {
        this.settings = settings;
        this.connector = new LdapConnector(settings);
    }

    @Override
    public List<DirectoryChangeResult> apply(List<DirectoryChange> changes) {
        if (!settings.writeEnabled()) {
            throw new Forbidden(
                    "directory_writing_disabled", "writing to the directory is turned off in the directory settings");
        }
        List<DirectoryChangeResult> results = new ArrayList<>(changes.size());
        if (changes.isEmpty()) {
            return results;
        }
        try (LDAPConnection connection = connector.open()) {
            String lost = null;
            for (DirectoryChange change : changes) {
                if (lost != null) {
                    results.add(new DirectoryChangeResult(change, Outcome.NOT_ATTEMPTED, "not attempted: " + lost));
                    continue;
                }
                try {
                    results.add(applyOne(connection, change));
                } catch (LDAPException e) {
                    String message = connector
                            .failure("applying " + describe(change), e, null)
                            .getMessage();
                    results.add(new DirectoryChangeResult(change, Outcome.FAILED, message));
                    if (!ResultCode.isConnectionUsable(e.getResultCode())) {
                        lost = message;
                    }
                }
            }
        }
        results.forEach(r -> LOG.info(
                "Directory {}: {} -> {}: {}", settings.server(), describe(r.change()), r.outcome(), r.message()));
        return results;
    }

    private DirectoryChangeResult applyOne(LDAPConnection connection, DirectoryChange change) throws LDAPException {
        LdapAttributes names = settings.attributes();
        Mapped mapped = change instanceof SetAttribute set
                ? names.catalogAttribute(set.value().key())
                : null;
        Optional<SearchResultEntry> account = find(
                connection,
                settings.userFilter(),
                change.account().value(),
                mapped == null ? "1.1" : mapped.ldapAttribute());
        if (account.isEmpty()) {
            return new DirectoryChangeResult(
                    change,
                    Outcome.FAILED,
                    "account " + change.account() + " was not found under " + settings.baseDn());
        }
        String accountDn = account.get().getDN();
        if (change instanceof AddToGroup add) {
            Optional<SearchResultEntry> group =
                    find(connection, settings.groupFilter(), add.group().value(), "1.1");
            if (group.isEmpty()) {
                return new DirectoryChangeResult(
                        change, Outcome.FAILED, "group " + add.group() + " was not found under " + settings.baseDn());
            }
            try {
                connection.modify(
                        group.get().getDN(), new Modification(ModificationType.ADD, names.member(), accountDn));
            } catch (LDAPException e) {
                // AD answers entryAlreadyExists, other servers attributeOrValueExists.
                if (e.getResultCode() == ResultCode.ATTRIBUTE_OR_VALUE_EXISTS
                        || e.getResultCode() == ResultCode.ENTRY_ALREADY_EXISTS) {
                    return new DirectoryChangeResult(
                            change,
                            Outcome.ALREADY_IN_PLACE,
                            accountDn + " already is a member of " + group.get().getDN());
                }
                throw e;
            }
            return new DirectoryChangeResult(
                    change,
                    Outcome.APPLIED,
                    "added " + accountDn + " to " + group.get().getDN());
        }
        SetAttribute set = (SetAttribute) change;
        String written;
        try {
            written = DirectoryValues.write(set.value().value(), mapped.format());
        } catch (IllegalArgumentException e) {
            return new DirectoryChangeResult(
                    change, Outcome.FAILED, "attribute " + set.value().key() + ": " + e.getMessage());
        }
        String current = account.get().getAttributeValue(mapped.ldapAttribute());
        boolean same = written.isEmpty()
                ? current == null
                : current != null
                        && DirectoryValues.read(current, mapped.format())
                                .equals(set.value().value());
        if (same) {
            return new DirectoryChangeResult(
                    change,
                    Outcome.ALREADY_IN_PLACE,
                    accountDn + " already has " + mapped.ldapAttribute() + " = '"
                            + set.value().value() + "'");
        }
        connection.modify(
                accountDn,
                written.isEmpty()
                        ? new Modification(ModificationType.REPLACE, mapped.ldapAttribute())
                        : new Modification(ModificationType.REPLACE, mapped.ldapAttribute(), written));
        return new DirectoryChangeResult(
                change,
                Outcome.APPLIED,
                "set " + mapped.ldapAttribute() + " of " + accountDn
                        + (written.isEmpty()
                                ? " to no value"
                                : " to '" + set.value().value() + "'"));
    }

    /** The entry with this id among those {@code filter} selects under the base DN. */
    private Optional<SearchResultEntry> find(LDAPConnection connection, String filter, UUID id, String attribute)
            throws LDAPException {
        LdapAttributes names = settings.attributes();
        Filter byId = switch (names.idFormat()) {
            case BINARY_GUID -> Filter.createEqualityFilter(names.id(), DirectoryValues.toBinaryGuid(id));
            case UUID -> Filter.createEqualityFilter(names.id(), id.toString());
        };
        SearchRequest request = new SearchRequest(
                settings.baseDn(), SearchScope.SUB, Filter.createANDFilter(LdapFilters.parse(filter), byId), attribute);
        request.setSizeLimit(2);
        SearchResult result = connection.search(request);
        return result.getEntryCount() == 1
                ? Optional.of(result.getSearchEntries().get(0))
                : Optional.empty();
    }

    private static String describe(DirectoryChange change) {
        if (change instanceof AddToGroup add) {
            return "add account " + add.account() + " to group " + add.group();
        }
        return "set " + ((SetAttribute) change).value().key() + " of account " + change.account();
    }
}
