-- Approvals: the rule a request was submitted under (the template policy's count and approver
-- role at that moment), and each approver's decision, at most one per approver and request.

ALTER TABLE certificate_request
    ADD COLUMN approvals_needed integer NOT NULL DEFAULT 0 CHECK (approvals_needed BETWEEN 0 AND 10),
    ADD COLUMN approver_role    text;

CREATE TABLE certificate_request_decision (
    request_id   uuid        NOT NULL REFERENCES certificate_request (id),
    approver_id  uuid        NOT NULL REFERENCES app_user (id),
    approved     boolean     NOT NULL,
    decided_at   timestamptz NOT NULL,
    -- Distinct approvers: a second decision by the same approver is refused.
    PRIMARY KEY (request_id, approver_id)
);
-- Foreign-key checks when users are deleted.
CREATE INDEX certificate_request_decision_approver ON certificate_request_decision (approver_id);
