package org.openprofiles.adapter.ldap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.openprofiles.domain.access.Account;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.Group;
import org.openprofiles.domain.access.GroupId;
import org.openprofiles.domain.access.directory.DirectorySink;

/** A sink that keeps what it was given, page by page, for a test to look at. */
class RecordingSink implements DirectorySink {

    final List<List<Group>> groupPages = new ArrayList<>();
    final List<List<Account>> accountPages = new ArrayList<>();
    private final List<String> order = new ArrayList<>();

    @Override
    public void groups(List<Group> page) {
        groupPages.add(page);
        order.add("groups");
    }

    @Override
    public void accounts(List<Account> page) {
        accountPages.add(page);
        order.add("accounts");
    }

    List<Group> groups() {
        return groupPages.stream().flatMap(List::stream).toList();
    }

    List<Account> accounts() {
        return accountPages.stream().flatMap(List::stream).toList();
    }

    /** Whether every group page came before the first account page. */
    boolean groupsCameFirst() {
        int firstAccounts = order.indexOf("accounts");
        return firstAccounts < 0 || !order.subList(firstAccounts, order.size()).contains("groups");
    }

    Optional<Account> account(String login) {
        return accounts().stream().filter(a -> a.samAccountName().equals(login)).findFirst();
    }

    Set<String> logins() {
        return accounts().stream().map(Account::samAccountName).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The names of an account's groups. */
    Set<String> groupNames(String login) {
        Map<GroupId, String> names = groups().stream().collect(Collectors.toMap(Group::id, Group::name));
        return account(login).orElseThrow().groups().stream()
                .map(names::get)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    Optional<String> attribute(String login, String key) {
        return account(login).orElseThrow().attributes().stream()
                .filter(a -> a.key().equals(key))
                .map(AttributeValue::value)
                .findFirst();
    }
}
