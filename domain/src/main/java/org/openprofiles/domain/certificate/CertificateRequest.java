package org.openprofiles.domain.certificate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openprofiles.domain.security.AccessPolicy;
import org.openprofiles.domain.security.Action;
import org.openprofiles.domain.security.Principal;
import org.openprofiles.domain.security.Resource;
import org.openprofiles.domain.security.Role;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Conflict;
import org.openprofiles.domain.shared.Forbidden;
import org.openprofiles.domain.shared.Invalid;
import org.openprofiles.domain.shared.NotFound;

/**
 * A request to act on a certificate profile, after the vendor's {@code Microsoft.Clm.Shared.Requests.Request}:
 * who asked ({@code originator}) for whom ({@code target}), what, on which profile ({@code oldProfile}),
 * where it stands, and the profile it created ({@code newProfile}) once completed.
 */
public record CertificateRequest(
        RequestId id,
        RequestType type,
        RequestStatus status,
        UserId originator,
        UserId target,
        TemplateId template,
        Optional<CertificateProfileId> oldProfile,
        Optional<CertificateProfileId> newProfile,
        List<DataItem> dataCollection,
        String comment,
        int priority,
        Instant submitted,
        Optional<Instant> completed,
        ApprovalRule approvalRule) {

    public static final int MAX_COMMENT_LENGTH = 4096;
    public static final int MAX_DATA_ITEMS = 100;

    /** The resource kind the access policy is asked about for requests. */
    public static final String RESOURCE_KIND = "certificate-request";

    /** One name/value pair the requester supplied. */
    public record DataItem(String name, String value) {
        public static final int MAX_LENGTH = 4096;

        public DataItem {
            if (name == null || name.isBlank()) {
                throw new Invalid("required", "datacollection", "every datacollection item needs a Name");
            }
            value = value == null ? "" : value;
            if (name.length() > MAX_LENGTH || value.length() > MAX_LENGTH) {
                throw new Invalid(
                        "too_long",
                        "datacollection",
                        "datacollection names and values must be at most " + MAX_LENGTH + " characters");
            }
        }
    }

    /**
     * How many distinct approvals the request needs and which role gives them: the template policy's
     * rule when the request was submitted, kept so that a later template change does not move the goal.
     */
    public record ApprovalRule(int needed, Optional<Role> approverRole) {
        public ApprovalRule {
            if (needed < 0 || approverRole == null || (needed > 0 && approverRole.isEmpty())) {
                throw new IllegalArgumentException("an approval rule needs a count >= 0 and, above 0, a role");
            }
        }

        public static ApprovalRule of(OperationPolicy policy) {
            return new ApprovalRule(policy.approvalsNeeded(), policy.approverRole());
        }
    }

    public CertificateRequest {
        if (approvalRule == null) {
            throw new IllegalArgumentException("incomplete certificate request");
        }
        if (id == null
                || type == null
                || status == null
                || originator == null
                || target == null
                || template == null
                || oldProfile == null
                || newProfile == null
                || submitted == null
                || completed == null) {
            throw new IllegalArgumentException("incomplete certificate request");
        }
        comment = comment == null ? "" : comment;
        if (comment.length() > MAX_COMMENT_LENGTH) {
            throw new Invalid("too_long", "comment", "comment must be at most " + MAX_COMMENT_LENGTH + " characters");
        }
        dataCollection = dataCollection == null ? List.of() : List.copyOf(dataCollection);
        if (dataCollection.size() > MAX_DATA_ITEMS) {
            throw new Invalid(
                    "too_many", "datacollection", "datacollection must have at most " + MAX_DATA_ITEMS + " items");
        }
    }

    /** A request just submitted: Pending when {@code rule} needs approvals, else Approved. */
    public static CertificateRequest submit(
            RequestType type,
            ApprovalRule rule,
            UserId originator,
            CertificateProfile profile,
            List<DataItem> dataCollection,
            String comment,
            int priority,
            Instant now) {
        RequestStatus status = rule.needed() > 0 ? RequestStatus.PENDING : RequestStatus.APPROVED;
        return new CertificateRequest(
                RequestId.random(),
                type,
                status,
                originator,
                profile.assignedUser(),
                profile.template(),
                Optional.of(profile.id()),
                Optional.empty(),
                dataCollection,
                comment,
                priority,
                now,
                Optional.empty(),
                rule);
    }

    /** An Enroll request just submitted for {@code target}: no profile yet, Pending or Approved as {@code rule} says. */
    public static CertificateRequest enroll(
            ApprovalRule rule,
            UserId originator,
            UserId target,
            TemplateId template,
            List<DataItem> dataCollection,
            String comment,
            int priority,
            Instant now) {
        RequestStatus status = rule.needed() > 0 ? RequestStatus.PENDING : RequestStatus.APPROVED;
        return new CertificateRequest(
                RequestId.random(),
                RequestType.ENROLL,
                status,
                originator,
                target,
                template,
                Optional.empty(),
                Optional.empty(),
                dataCollection,
                comment,
                priority,
                now,
                Optional.empty(),
                rule);
    }

    /** This request, finished with its effect applied; {@code created} is the profile it created, if any. */
    public CertificateRequest complete(Optional<CertificateProfileId> created, Instant now) {
        return new CertificateRequest(
                id,
                type,
                RequestStatus.COMPLETED,
                originator,
                target,
                template,
                oldProfile,
                created,
                dataCollection,
                comment,
                priority,
                submitted,
                Optional.of(now),
                approvalRule);
    }

    /** This request, ended in {@code finalStatus} without any effect on profiles. */
    public CertificateRequest end(RequestStatus finalStatus, Instant now) {
        return new CertificateRequest(
                id,
                type,
                finalStatus,
                originator,
                target,
                template,
                oldProfile,
                newProfile,
                dataCollection,
                comment,
                priority,
                submitted,
                Optional.of(now),
                approvalRule);
    }

    /** This request, with its approvals met: Approved, waiting for its client (or executed at once by the caller). */
    public CertificateRequest approve() {
        return new CertificateRequest(
                id,
                type,
                RequestStatus.APPROVED,
                originator,
                target,
                template,
                oldProfile,
                newProfile,
                dataCollection,
                comment,
                priority,
                submitted,
                completed,
                approvalRule);
    }

    /** The failure for a request that does not exist or that the caller may not see: the two look the same. */
    public static NotFound notFound(RequestId id) {
        return new NotFound("request_not_found", "id", "no request " + id);
    }

    /**
     * Whether {@code caller} sees this request: its requester, whoever may read the target user's
     * profiles (the owner, agents), and those who decide requests (approvers see what they approve).
     */
    public boolean isVisibleTo(Principal caller, AccessPolicy policy) {
        return caller.is(originator)
                || policy.permits(
                        caller,
                        Action.READ_CERTIFICATE_PROFILES,
                        Resource.ownedBy(CertificateProfile.RESOURCE_KIND, target))
                || policy.permits(caller, Action.DECIDE_CERTIFICATE_REQUESTS, Resource.ownedBy(RESOURCE_KIND, target));
    }

    /**
     * Refuses unless {@code caller} may complete this request now: the requester or an agent
     * (as the policy says), and only once it is Approved.
     */
    public void checkCompletableBy(Principal caller, AccessPolicy policy) {
        if (!policy.permits(
                caller, Action.COMPLETE_CERTIFICATE_REQUESTS, Resource.ownedBy(RESOURCE_KIND, originator))) {
            throw new Forbidden("not_requester", "only the requester or a cm-agent may complete a request");
        }
        if (status != RequestStatus.APPROVED) {
            throw new Conflict(
                    "request_not_approved",
                    "status",
                    "only an Approved request can be completed; this one is " + status.name());
        }
    }

    /**
     * Refuses unless {@code caller} may pick up this request's certificates now: the requester or an
     * agent (those who may complete it), once it is Approved, or Completed (a client that completed
     * before posting its certificate data may still do so).
     */
    public void checkCertificatesDeliverableTo(Principal caller, AccessPolicy policy) {
        if (!policy.permits(
                caller, Action.COMPLETE_CERTIFICATE_REQUESTS, Resource.ownedBy(RESOURCE_KIND, originator))) {
            throw new Forbidden(
                    "not_requester", "only the requester or a cm-agent may pick up the request's certificates");
        }
        if (status != RequestStatus.APPROVED && status != RequestStatus.COMPLETED) {
            throw new Conflict(
                    "request_not_approved",
                    "status",
                    "certificates are issued for an Approved (or Completed) request; this one is " + status.name());
        }
        if (!type.issuesCertificate()) {
            throw new Conflict(
                    "no_certificate_for_this_type",
                    "type",
                    "a " + type.name() + " request issues no certificate; Enroll, Renew, Recover and Duplicate do");
        }
    }

    /** Refuses unless {@code caller} may cancel or abandon this request now: its requester, while it is open. */
    public void checkEndableBy(Principal caller, AccessPolicy policy) {
        if (!policy.permits(caller, Action.END_CERTIFICATE_REQUESTS, Resource.ownedBy(RESOURCE_KIND, originator))) {
            throw new Forbidden("not_requester", "only the requester may cancel or abandon a request");
        }
        if (status != RequestStatus.PENDING && status != RequestStatus.APPROVED) {
            throw new Conflict(
                    "request_not_open",
                    "status",
                    "only a Pending or Approved request can be ended; this one is " + status.name());
        }
    }

    /**
     * Refuses unless {@code caller} may decide on this request now: an approver (as the policy
     * says) holding the role this request's rule names, never its requester nor the owner of the
     * profile it is for, while it is Pending.
     * Whether the caller decided before is the storage's to tell.
     */
    public void checkDecidableBy(Principal caller, AccessPolicy policy) {
        policy.require(caller, Action.DECIDE_CERTIFICATE_REQUESTS, Resource.ownedBy(RESOURCE_KIND, target));
        if (!approvalRule.approverRole().map(caller::has).orElse(false)) {
            throw new Forbidden("not_an_approver", "the caller does not hold the role that approves this request");
        }
        if (caller.is(originator)) {
            throw new Forbidden("own_request", "a requester may not decide on their own request");
        }
        if (caller.is(target)) {
            // Separation of duties: nobody approves what is done to their own profile.
            throw new Forbidden("own_profile", "an approver may not decide on a request for their own profile");
        }
        if (status != RequestStatus.PENDING) {
            throw new Conflict(
                    "request_not_pending",
                    "status",
                    "only a Pending request can be decided; this one is " + status.name());
        }
    }

    /**
     * This request after one more approval, {@code approvals} in all: still Pending until the rule's
     * count is met, then Approved.
     */
    public CertificateRequest afterApprovals(int approvals) {
        return approvals < approvalRule.needed() ? this : approve();
    }
}
