package org.openprofiles.domain.access.directory;

import org.openprofiles.domain.access.AccountId;
import org.openprofiles.domain.access.AttributeValue;
import org.openprofiles.domain.access.GroupId;

/** One change to the directory that remediation asks for. */
public sealed interface DirectoryChange {

    AccountId account();

    /** Make the account a (direct) member of the group. */
    record AddToGroup(AccountId account, GroupId group) implements DirectoryChange {
        public AddToGroup {
            if (account == null || group == null) {
                throw new IllegalArgumentException("account and group must not be null");
            }
        }
    }

    /**
     * Replace the account's value of an attribute (key as the catalog spells it, value in the
     * catalog's canonical form); an empty value removes the attribute.
     */
    record SetAttribute(AccountId account, AttributeValue value) implements DirectoryChange {
        public SetAttribute {
            if (account == null || value == null) {
                throw new IllegalArgumentException("account and value must not be null");
            }
        }
    }
}
