-- The directory read from LDAP / Active Directory: sync runs, groups gone from the directory that
-- profiles still require, name-prefix lists, and accepted deviations (issue 11).

-- One row per sync. At most one runs at a time, across every server process on this database: the
-- partial unique index refuses a second running row.
CREATE TABLE directory_sync (
    id                 uuid        PRIMARY KEY,
    trigger            text        NOT NULL CHECK (trigger IN ('on-demand', 'scheduled')),
    mode               text        NOT NULL CHECK (mode IN ('full', 'incremental')),
    started_by         uuid,
    started_at         timestamptz NOT NULL,
    state              text        NOT NULL CHECK (state IN ('running', 'succeeded', 'failed')),
    heartbeat_at       timestamptz NOT NULL,
    finished_at        timestamptz,
    phase              text        NOT NULL,
    progress_groups    bigint      NOT NULL DEFAULT 0,
    progress_accounts  bigint      NOT NULL DEFAULT 0,
    expected_accounts  bigint,
    groups_read        bigint      NOT NULL DEFAULT 0,
    groups_added       bigint      NOT NULL DEFAULT 0,
    groups_changed     bigint      NOT NULL DEFAULT 0,
    groups_removed     bigint      NOT NULL DEFAULT 0,
    groups_kept        bigint      NOT NULL DEFAULT 0,
    accounts_read      bigint      NOT NULL DEFAULT 0,
    accounts_added     bigint      NOT NULL DEFAULT 0,
    accounts_changed   bigint      NOT NULL DEFAULT 0,
    accounts_removed   bigint      NOT NULL DEFAULT 0,
    assignments_ended  bigint      NOT NULL DEFAULT 0,
    pages_read         bigint      NOT NULL DEFAULT 0,
    skipped_entries    bigint      NOT NULL DEFAULT 0,
    scope              text        CHECK (scope IN ('full', 'changes')),
    full_read_reason   text,
    watermark          text,
    error              text,
    warnings           jsonb       NOT NULL DEFAULT '[]',
    compliance_accounts       bigint,
    compliance_non_compliant  bigint,
    compliance_accepted       bigint
);
CREATE UNIQUE INDEX directory_sync_one_running ON directory_sync ((true)) WHERE state = 'running';
-- The list of syncs, newest first; and the last successful one (watermark, schedule).
CREATE INDEX directory_sync_started ON directory_sync (started_at DESC, id DESC);
CREATE INDEX directory_sync_succeeded ON directory_sync (started_at DESC, id DESC) WHERE state = 'succeeded';

-- A group gone from the directory while profiles still require it is kept, emptied of members,
-- and marked with when it went missing.
ALTER TABLE directory_group ADD COLUMN missing_since timestamptz;

-- A sync writes an account's memberships and attribute values in bulk (2,000,000 membership rows
-- for 100,000 accounts). PostgreSQL checks a foreign key one row at a time (a trigger each), which
-- cost more than the rest of a sync together; these two tables drop them. Their rows are only ever
-- written by the directory merge, for accounts written in the same call and groups already stored
-- (the sync delivers groups first; a feed's groups are checked first), and removing an account or
-- a group deletes its rows explicitly (JdbiDirectory).
ALTER TABLE account_group_membership DROP CONSTRAINT account_group_membership_account_id_fkey;
ALTER TABLE account_group_membership DROP CONSTRAINT account_group_membership_group_id_fkey;
ALTER TABLE account_attribute DROP CONSTRAINT account_attribute_account_id_fkey;
-- Without the cascade, the index on group_id only served deleting a group's memberships, which
-- happens when a group leaves the directory; it cost a third of every membership written.
DROP INDEX account_group_membership_group;

-- The read-back lists, filtered by the start of a name: byte order ("C") makes a prefix one range
-- of the index whatever the database's collation.
CREATE INDEX directory_account_name_prefix ON directory_account ((lower(sam_account_name) COLLATE "C"), id);
CREATE INDEX directory_group_name_prefix ON directory_group ((lower(name) COLLATE "C"), id);

-- A responsible person's acceptance of one deviation of one account, with a reason and an optional
-- expiry. The deviation is named as the view names it: kind, profile, group or attribute.
CREATE TABLE deviation_acceptance (
    id           uuid        PRIMARY KEY,
    account_id   uuid        NOT NULL REFERENCES directory_account (id) ON DELETE CASCADE,
    kind         text        NOT NULL CHECK (kind IN ('missing_group', 'wrong_attribute', 'no_profile')),
    profile_id   uuid        REFERENCES access_profile (id) ON DELETE CASCADE,
    group_id     uuid,
    attribute    text,
    comment      text        NOT NULL CHECK (length(comment) BETWEEN 1 AND 1024),
    expires_at   timestamptz,
    accepted_by  uuid        NOT NULL,
    accepted_at  timestamptz NOT NULL,
    CHECK ((kind = 'missing_group') = (group_id IS NOT NULL)),
    CHECK ((kind = 'wrong_attribute') = (attribute IS NOT NULL)),
    CHECK ((kind = 'no_profile') = (profile_id IS NULL))
);
-- One acceptance per account and deviation; it also answers "the acceptances of this account".
CREATE UNIQUE INDEX deviation_acceptance_key ON deviation_acceptance (
    account_id, kind,
    COALESCE(profile_id, '00000000-0000-0000-0000-000000000000'),
    COALESCE(group_id, '00000000-0000-0000-0000-000000000000'),
    COALESCE(attribute, ''));
CREATE INDEX deviation_acceptance_newest ON deviation_acceptance (accepted_at DESC, id DESC);
CREATE INDEX deviation_acceptance_of_account ON deviation_acceptance (account_id, accepted_at DESC, id DESC);

-- Every deviation now says which acceptance covers it, if any, and when that acceptance expires.
-- Still the one place the compliance rule is written; whether an acceptance is in force at a moment
-- is decided by the query that asks (expires_at later than that moment, or no expiry).
CREATE OR REPLACE VIEW account_deviation AS
SELECT pa.account_id, 'missing_group'::text AS kind, pa.profile_id, pg.group_id,
       NULL::text AS attribute, NULL::text AS expected, NULL::text AS actual,
       x.id AS acceptance_id, x.expires_at AS acceptance_expires
  FROM profile_assignment pa
  JOIN access_profile_group pg ON pg.profile_id = pa.profile_id
  LEFT JOIN deviation_acceptance x
         ON x.account_id = pa.account_id AND x.kind = 'missing_group'
        AND x.profile_id = pa.profile_id AND x.group_id = pg.group_id
 WHERE NOT EXISTS (SELECT 1 FROM account_group_membership m
                    WHERE m.account_id = pa.account_id AND m.group_id = pg.group_id)
UNION ALL
SELECT pa.account_id, 'wrong_attribute', pa.profile_id, NULL, pat.name, pat.value, COALESCE(aa.value, ''),
       x.id, x.expires_at
  FROM profile_assignment pa
  JOIN access_profile_attribute pat ON pat.profile_id = pa.profile_id
  LEFT JOIN account_attribute aa ON aa.account_id = pa.account_id AND aa.name = pat.name
  LEFT JOIN deviation_acceptance x
         ON x.account_id = pa.account_id AND x.kind = 'wrong_attribute'
        AND x.profile_id = pa.profile_id AND x.attribute = pat.name
 WHERE COALESCE(aa.value, '') <> pat.value
UNION ALL
SELECT a.id, 'no_profile', NULL, NULL, NULL, NULL, NULL, x.id, x.expires_at
  FROM directory_account a
  LEFT JOIN deviation_acceptance x ON x.account_id = a.id AND x.kind = 'no_profile'
 WHERE NOT EXISTS (SELECT 1 FROM profile_assignment pa WHERE pa.account_id = a.id)
   AND COALESCE((SELECT s.value = 'true'::jsonb FROM setting s
                  WHERE s.key = 'access.are_unassigned_accounts_non_compliant'), true);

-- The cached count of V21 now counts only deviations no acceptance covers; the earliest expiry of
-- the acceptances covering the others is kept beside it, so "deviates at moment T" is
-- "deviations > 0 OR acceptance_expires <= T" without recounting when an acceptance expires.
ALTER TABLE profile_assignment ADD COLUMN acceptance_expires timestamptz;
DROP INDEX profile_assignment_deviating;
CREATE INDEX profile_assignment_deviating ON profile_assignment (account_id)
    WHERE deviations > 0 OR acceptance_expires IS NOT NULL;
