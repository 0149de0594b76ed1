-- Requests to act on certificate profiles (Renew, Disable, ...), with their status and the
-- profiles they acted on and created.

CREATE TABLE certificate_request (
    id                   uuid        PRIMARY KEY,
    -- Submission order: the stable, index-backed order of a user's request list.
    seq                  bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    type                 text        NOT NULL CHECK (type ~ '^[a-z]+$'),
    status               text        NOT NULL
                         CHECK (status IN ('none', 'pending', 'approved', 'denied', 'executing', 'completed',
                                           'failed', 'canceled')),
    originator_user_id   uuid        NOT NULL REFERENCES app_user (id),
    target_user_id       uuid        NOT NULL REFERENCES app_user (id),
    template_id          uuid        NOT NULL REFERENCES profile_template (id),
    old_profile_id       uuid        REFERENCES certificate_profile (id),
    new_profile_id       uuid        REFERENCES certificate_profile (id),
    -- [{"name": ..., "value": ...}] as the requester supplied it.
    data_collection      jsonb       NOT NULL DEFAULT '[]',
    comment              text        NOT NULL DEFAULT '',
    priority             integer     NOT NULL DEFAULT 0,
    submitted_at         timestamptz NOT NULL,
    completed_at         timestamptz
);
-- "The caller's requests", optionally in one status, in submission order.
CREATE INDEX certificate_request_originator ON certificate_request (originator_user_id, seq);
CREATE INDEX certificate_request_originator_status ON certificate_request (originator_user_id, status, seq);
-- Foreign-key checks when users, templates or profiles are deleted.
CREATE INDEX certificate_request_target ON certificate_request (target_user_id);
CREATE INDEX certificate_request_template ON certificate_request (template_id);
CREATE INDEX certificate_request_old_profile ON certificate_request (old_profile_id);
CREATE INDEX certificate_request_new_profile ON certificate_request (new_profile_id);
