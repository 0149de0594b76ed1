package org.openprofiles.domain.certificate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openprofiles.domain.security.UserId;
import org.openprofiles.domain.shared.Invalid;

/**
 * A request to act on a certificate profile, after the vendor's {@code Microsoft.Clm.Shared.Requests.Request}:
 * who asked ({@code originator}) for whom ({@code target}), what, on which profile ({@code oldProfile}),
 * where it stands, and the profile it created ({@code newProfile}) once completed.
 */
public record CertificateRequest(RequestId id, RequestType type, RequestStatus status, UserId originator,
                                 UserId target, TemplateId template, Optional<ProfileId> oldProfile,
                                 Optional<ProfileId> newProfile, List<DataItem> dataCollection, String comment,
                                 int priority, Instant submitted, Optional<Instant> completed) {

    public static final int MAX_COMMENT_LENGTH = 4096;
    public static final int MAX_DATA_ITEMS = 100;

    /** One name/value pair the requester supplied. */
    public record DataItem(String name, String value) {
        public static final int MAX_LENGTH = 4096;

        public DataItem {
            if (name == null || name.isBlank()) {
                throw new Invalid("required", "datacollection", "every datacollection item needs a Name");
            }
            value = value == null ? "" : value;
            if (name.length() > MAX_LENGTH || value.length() > MAX_LENGTH) {
                throw new Invalid("too_long", "datacollection",
                        "datacollection names and values must be at most " + MAX_LENGTH + " characters");
            }
        }
    }

    public CertificateRequest {
        if (id == null || type == null || status == null || originator == null || target == null || template == null
                || oldProfile == null || newProfile == null || submitted == null || completed == null) {
            throw new IllegalArgumentException("incomplete certificate request");
        }
        comment = comment == null ? "" : comment;
        if (comment.length() > MAX_COMMENT_LENGTH) {
            throw new Invalid("too_long", "comment", "comment must be at most " + MAX_COMMENT_LENGTH + " characters");
        }
        dataCollection = dataCollection == null ? List.of() : List.copyOf(dataCollection);
        if (dataCollection.size() > MAX_DATA_ITEMS) {
            throw new Invalid("too_many", "datacollection",
                    "datacollection must have at most " + MAX_DATA_ITEMS + " items");
        }
    }

    /** A request just submitted, in {@code status} (Pending when it needs approvals, else Approved). */
    public static CertificateRequest submit(RequestType type, RequestStatus status, UserId originator,
                                            CertificateProfile profile, List<DataItem> dataCollection,
                                            String comment, int priority, Instant now) {
        return new CertificateRequest(RequestId.random(), type, status, originator, profile.assignedUser(),
                profile.template(), Optional.of(profile.id()), Optional.empty(), dataCollection, comment, priority,
                now, Optional.empty());
    }

    /** This request, finished with its effect applied; {@code created} is the profile it created, if any. */
    public CertificateRequest complete(Optional<ProfileId> created, Instant now) {
        return new CertificateRequest(id, type, RequestStatus.COMPLETED, originator, target, template, oldProfile,
                created, dataCollection, comment, priority, submitted, Optional.of(now));
    }

    /** This request, ended in {@code finalStatus} without any effect on profiles. */
    public CertificateRequest end(RequestStatus finalStatus, Instant now) {
        return new CertificateRequest(id, type, finalStatus, originator, target, template, oldProfile, newProfile,
                dataCollection, comment, priority, submitted, Optional.of(now));
    }

    /** This request, approved and waiting for its client to complete it. */
    public CertificateRequest approve() {
        return new CertificateRequest(id, type, RequestStatus.APPROVED, originator, target, template, oldProfile,
                newProfile, dataCollection, comment, priority, submitted, completed);
    }
}
