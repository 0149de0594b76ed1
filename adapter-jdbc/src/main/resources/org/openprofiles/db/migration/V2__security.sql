-- Users, their API tokens, and the audit trail.

CREATE TABLE app_user (
    id            uuid        PRIMARY KEY,
    login         text        NOT NULL CHECK (length(login) BETWEEN 1 AND 128),
    display_name  text        NOT NULL,
    enabled       boolean     NOT NULL DEFAULT true,
    roles         text[]      NOT NULL DEFAULT '{}',
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    version       bigint      NOT NULL DEFAULT 1
);
-- Logins are unique regardless of case; this index also serves look-up by login and paging by login.
CREATE UNIQUE INDEX app_user_login_key ON app_user (lower(login));
-- "Is there an enabled admin?" at start-up.
CREATE INDEX app_user_admins ON app_user (id) WHERE enabled AND 'admin' = ANY (roles);

CREATE TABLE api_token (
    id          uuid        PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES app_user (id),
    name        text        NOT NULL DEFAULT '',
    -- SHA-256 of the secret, hex. The secret itself is never stored.
    hash        text        NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz,
    revoked_at  timestamptz
);
CREATE UNIQUE INDEX api_token_hash_key ON api_token (hash);
CREATE INDEX api_token_user ON api_token (user_id, created_at DESC, id DESC);

CREATE TABLE audit_event (
    id           uuid        PRIMARY KEY,
    occurred_at  timestamptz NOT NULL,
    actor        uuid,
    action       text        NOT NULL,
    object_type  text        NOT NULL,
    object_id    text        NOT NULL,
    before       jsonb       NOT NULL DEFAULT '{}',
    after        jsonb       NOT NULL DEFAULT '{}'
);
-- Newest first, overall and per filter.
CREATE INDEX audit_event_time ON audit_event (occurred_at DESC, id DESC);
CREATE INDEX audit_event_actor ON audit_event (actor, occurred_at DESC, id DESC);
CREATE INDEX audit_event_object ON audit_event (object_type, object_id, occurred_at DESC, id DESC);
CREATE INDEX audit_event_action ON audit_event (action, occurred_at DESC, id DESC);
