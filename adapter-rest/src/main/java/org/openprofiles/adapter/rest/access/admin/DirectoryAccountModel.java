package org.openprofiles.adapter.rest.access.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.UUID;
import org.openprofiles.domain.access.AccountSummary;

/** A directory account as the read-back list shows it. */
@JsonPropertyOrder({"id", "samAccountName", "displayName", "distinguishedName", "fqdn", "enabled"})
public record DirectoryAccountModel(
        @JsonProperty("id") UUID id,
        @JsonProperty("samAccountName") String samAccountName,
        @JsonProperty("displayName") String displayName,
        @JsonProperty("distinguishedName") String distinguishedName,
        @JsonProperty("fqdn") String fqdn,
        @JsonProperty("enabled") boolean enabled) {

    static DirectoryAccountModel from(AccountSummary account) {
        return new DirectoryAccountModel(
                account.id().value(),
                account.samAccountName(),
                account.displayName(),
                account.distinguishedName(),
                account.fqdn(),
                account.enabled());
    }
}
