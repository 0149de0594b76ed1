-- Service-wide settings that administrators change at run time (for example the access-profile
-- option "are_unassigned_accounts_non_compliant"). One row per key; the value is JSON so that a
-- setting can be a flag, a number or a small document. `version` gives optimistic concurrency.
CREATE TABLE setting (
    key         text        PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_.]{0,127}$'),
    value       jsonb       NOT NULL,
    version     bigint      NOT NULL DEFAULT 1,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
