package org.openprofiles.adapter.rest.certificate.cm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import org.openprofiles.domain.certificate.DataCollectionItem;
import org.openprofiles.domain.certificate.OperationPolicy;
import org.openprofiles.domain.security.Role;

/**
 * A template's workflow policy for one operation, with the fourteen properties of the vendor's
 * {@code ProfileTemplatePolicy} in the document's order. Where the vendor writes a security
 * descriptor (who approves, initiates, acts as agent), this service writes the role names (and
 * {@code owner} for self-service), comma-separated; smart-card parts are empty.
 */
@JsonPropertyOrder({
    "ApprovalsNeeded",
    "AuthorizedApprover",
    "AuthorizedEnrollmentAgent",
    "AuthorizedInitiator",
    "CollectComments",
    "CollectRequestPriority",
    "DefaultRequestPriority",
    "Documents",
    "Enabled",
    "EnrollAgentRequired",
    "OneTimePasswordPolicy",
    "Personalization",
    "PolicyDataCollection",
    "SelfServiceEnabled"
})
public record WorkflowPolicyModel(
        @JsonProperty("ApprovalsNeeded") int approvalsNeeded,
        @JsonProperty("AuthorizedApprover") String authorizedApprover,
        @JsonProperty("AuthorizedEnrollmentAgent") String authorizedEnrollmentAgent,
        @JsonProperty("AuthorizedInitiator") String authorizedInitiator,
        @JsonProperty("CollectComments") boolean collectComments,
        @JsonProperty("CollectRequestPriority") boolean collectRequestPriority,
        @JsonProperty("DefaultRequestPriority") int defaultRequestPriority,
        @JsonProperty("Documents") List<String> documents,
        @JsonProperty("Enabled") boolean enabled,
        @JsonProperty("EnrollAgentRequired") boolean enrollAgentRequired,
        @JsonProperty("OneTimePasswordPolicy") int oneTimePasswordPolicy,
        @JsonProperty("Personalization") Object personalization,
        @JsonProperty("PolicyDataCollection") List<Item> policyDataCollection,
        @JsonProperty("SelfServiceEnabled") boolean selfServiceEnabled) {

    /** One data collection item: what the requester is asked for. */
    @JsonPropertyOrder({"Name", "Description", "IsRequired", "MaxLength"})
    public record Item(
            @JsonProperty("Name") String name,
            @JsonProperty("Description") String description,
            @JsonProperty("IsRequired") boolean isRequired,
            @JsonProperty("MaxLength") int maxLength) {

        static Item from(DataCollectionItem item) {
            return new Item(item.name(), item.description(), item.required(), item.maxLength());
        }
    }

    public static WorkflowPolicyModel from(OperationPolicy policy) {
        String agents = String.join(
                ",",
                policy.onBehalfRoles().stream().map(Role::wireName).sorted().toList());
        List<String> initiators = new ArrayList<>();
        if (policy.ownerMayInitiate()) {
            initiators.add("owner");
        }
        policy.onBehalfRoles().stream().map(Role::wireName).sorted().forEach(initiators::add);
        return new WorkflowPolicyModel(
                policy.approvalsNeeded(),
                policy.approverRole().map(Role::wireName).orElse(""),
                agents,
                String.join(",", initiators),
                true,
                true,
                0,
                List.of(),
                policy.enabled(),
                !policy.ownerMayInitiate() && !policy.onBehalfRoles().isEmpty(),
                0,
                null,
                policy.dataCollection().stream().map(Item::from).toList(),
                policy.ownerMayInitiate());
    }
}
