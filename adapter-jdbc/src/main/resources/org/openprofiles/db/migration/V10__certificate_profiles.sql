-- Profile templates (versioned; every change raises version), their per-operation policies, and
-- the certificate profiles issued from them.

CREATE TABLE profile_template (
    id           uuid        PRIMARY KEY,
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 256),
    description  text        NOT NULL DEFAULT '',
    version      bigint      NOT NULL CHECK (version >= 1),
    -- PIN rules for user-supplied PINs: {minLength, maxLength, requireDigit, requireLowercase,
    -- requireUppercase, requireSymbol}.
    pin_policy   jsonb       NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
-- The admin list pages by name, then id.
CREATE INDEX profile_template_name ON profile_template (name, id);

CREATE TABLE template_policy (
    template_id          uuid     NOT NULL REFERENCES profile_template (id) ON DELETE CASCADE,
    operation            text     NOT NULL CHECK (operation ~ '^[a-z]+$'),
    enabled              boolean  NOT NULL,
    owner_may_initiate   boolean  NOT NULL,
    on_behalf_roles      text[]   NOT NULL DEFAULT '{}',
    approvals_needed     integer  NOT NULL CHECK (approvals_needed BETWEEN 0 AND 10),
    approver_role        text,
    server_generates_pin boolean  NOT NULL,
    PRIMARY KEY (template_id, operation)
);

CREATE TABLE certificate_profile (
    id                  uuid        PRIMARY KEY,
    -- The order in which this service recorded profiles (creation, or position in an import):
    -- the stable, index-backed order of every profile list.
    seq                 bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    status              text        NOT NULL
                        CHECK (status IN ('none', 'new', 'assigned', 'active', 'disabled', 'suspended', 'retired')),
    flags               integer     NOT NULL DEFAULT 0,
    -- No foreign keys: an imported profile may name a parent or primary from before the migration.
    parent_profile_id   uuid,
    primary_profile_id  uuid,
    assigned_user_id    uuid        NOT NULL REFERENCES app_user (id),
    template_id         uuid        NOT NULL REFERENCES profile_template (id),
    template_version    bigint      NOT NULL CHECK (template_version >= 1),
    comment             text        NOT NULL DEFAULT '',
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             bigint      NOT NULL DEFAULT 1
);
-- "A user's profiles" and "a user's profiles in one status", both in recorded order.
CREATE INDEX certificate_profile_user ON certificate_profile (assigned_user_id, seq);
CREATE INDEX certificate_profile_user_status ON certificate_profile (assigned_user_id, status, seq);
-- Deleting a template must find its profiles (the foreign key check) without a scan.
CREATE INDEX certificate_profile_template ON certificate_profile (template_id);
