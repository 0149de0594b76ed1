-- Access (department) profiles, the directory they are checked against, assignments, the
-- attribute catalog, and the compliance rule as one view.

CREATE TABLE directory_group (
    id                  uuid        PRIMARY KEY,
    name                text        NOT NULL CHECK (length(name) BETWEEN 1 AND 512),
    distinguished_name  text        NOT NULL DEFAULT '',
    updated_at          timestamptz NOT NULL DEFAULT now()
);
-- Required groups are listed by name.
CREATE INDEX directory_group_name ON directory_group (lower(name), id);

CREATE TABLE directory_account (
    id                  uuid        PRIMARY KEY,
    sam_account_name    text        NOT NULL CHECK (length(sam_account_name) BETWEEN 1 AND 256),
    display_name        text        NOT NULL,
    distinguished_name  text        NOT NULL DEFAULT '',
    enabled             boolean     NOT NULL DEFAULT true,
    updated_at          timestamptz NOT NULL DEFAULT now()
);
-- The compliance report and the assignment lists page accounts by samAccountName.
CREATE INDEX directory_account_name ON directory_account (lower(sam_account_name), id);

-- The groups an account is actually in.
CREATE TABLE account_group_membership (
    account_id  uuid NOT NULL REFERENCES directory_account (id) ON DELETE CASCADE,
    group_id    uuid NOT NULL REFERENCES directory_group (id) ON DELETE CASCADE,
    PRIMARY KEY (account_id, group_id)
);
CREATE INDEX account_group_membership_group ON account_group_membership (group_id);

-- The attribute values an account actually has (keys in lower case, one value per key).
CREATE TABLE account_attribute (
    account_id  uuid NOT NULL REFERENCES directory_account (id) ON DELETE CASCADE,
    name        text NOT NULL,
    value       text NOT NULL,
    PRIMARY KEY (account_id, name)
);

CREATE TABLE access_profile (
    id           uuid        PRIMARY KEY,
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 256 AND name = btrim(name)),
    description  text        NOT NULL DEFAULT '',
    color        integer     NOT NULL CHECK (color >= 0),
    initials     text        NOT NULL CHECK (length(initials) <= 3),
    created_at   timestamptz NOT NULL,
    modified_at  timestamptz NOT NULL,
    version      bigint      NOT NULL DEFAULT 1
);
-- Names are unique regardless of case; the index also orders and pages the profile list.
CREATE UNIQUE INDEX access_profile_name_key ON access_profile (lower(name));

CREATE TABLE access_profile_group (
    profile_id  uuid    NOT NULL REFERENCES access_profile (id) ON DELETE CASCADE,
    group_id    uuid    NOT NULL REFERENCES directory_group (id),
    position    integer NOT NULL,
    PRIMARY KEY (profile_id, group_id)
);
CREATE INDEX access_profile_group_group ON access_profile_group (group_id);

CREATE TABLE access_profile_attribute (
    profile_id  uuid    NOT NULL REFERENCES access_profile (id) ON DELETE CASCADE,
    name        text    NOT NULL,
    value       text    NOT NULL,
    position    integer NOT NULL,
    PRIMARY KEY (profile_id, name)
);

CREATE TABLE profile_assignment (
    account_id   uuid        NOT NULL REFERENCES directory_account (id) ON DELETE CASCADE,
    profile_id   uuid        NOT NULL REFERENCES access_profile (id) ON DELETE CASCADE,
    comment      text        NOT NULL,
    assigned_at  timestamptz NOT NULL,
    assigned_by  uuid        NOT NULL,
    PRIMARY KEY (account_id, profile_id)
);
-- Assignments of one profile (lists, counts, delete).
CREATE INDEX profile_assignment_profile ON profile_assignment (profile_id, account_id);

-- The LDAP attributes profiles may set, with their field type and constraints.
CREATE TABLE attribute_definition (
    key                        text        PRIMARY KEY CHECK (key = lower(key)),
    label                      text        NOT NULL,
    field_type                 text        NOT NULL
                               CHECK (field_type IN ('TextField', 'DatePicker', 'Checkbox', 'NumberField', 'ComboBox')),
    required                   boolean     NOT NULL DEFAULT false,
    max_length                 integer,
    forbidden_chars            text        NOT NULL DEFAULT '',
    allow_only_defined_values  boolean     NOT NULL DEFAULT false,
    defined_values             text[]      NOT NULL DEFAULT '{}',
    default_value              text        NOT NULL DEFAULT '',
    position                   integer     NOT NULL,
    version                    bigint      NOT NULL DEFAULT 1
);

INSERT INTO attribute_definition (key, label, field_type, max_length, default_value, position) VALUES
    ('accountexpires', 'Account Expires', 'DatePicker', NULL, '0001-01-01T00:00:00', 1),
    ('comment', 'Comment', 'TextField', 1024, '', 2),
    ('company', 'Company', 'TextField', 64, '', 3),
    ('department', 'Department', 'TextField', 64, '', 4),
    ('departmentnumber', 'Department Number', 'TextField', 64, '', 5),
    ('description', 'Description', 'TextField', 1024, '', 6),
    ('division', 'Division', 'TextField', 256, '', 7),
    ('employeetype', 'Employee Type', 'TextField', 256, '', 8),
    ('l', 'City', 'TextField', 128, '', 9),
    ('manager', 'Manager', 'TextField', 1024, '', 10),
    ('physicaldeliveryofficename', 'Office', 'TextField', 128, '', 11),
    ('postalcode', 'Postal Code', 'TextField', 40, '', 12),
    ('st', 'State/Province', 'TextField', 128, '', 13),
    ('streetaddress', 'Street', 'TextField', 1024, '', 14),
    ('telephonenumber', 'Telephone Number', 'TextField', 64, '', 15),
    ('title', 'Job Title', 'TextField', 128, '', 16);

-- Every way an account differs from what its profiles require: one row per missing group,
-- per attribute without the required value ('' and no value are the same), and — when the
-- setting says so (default true) — per account without any profile. Filtering the view by
-- account_id is pushed into each branch, so it answers through the primary keys above.
CREATE VIEW account_deviation AS
SELECT pa.account_id, 'missing_group'::text AS kind, pa.profile_id, pg.group_id,
       NULL::text AS attribute, NULL::text AS expected, NULL::text AS actual
  FROM profile_assignment pa
  JOIN access_profile_group pg ON pg.profile_id = pa.profile_id
 WHERE NOT EXISTS (SELECT 1 FROM account_group_membership m
                    WHERE m.account_id = pa.account_id AND m.group_id = pg.group_id)
UNION ALL
SELECT pa.account_id, 'wrong_attribute', pa.profile_id, NULL, pat.name, pat.value, COALESCE(aa.value, '')
  FROM profile_assignment pa
  JOIN access_profile_attribute pat ON pat.profile_id = pa.profile_id
  LEFT JOIN account_attribute aa ON aa.account_id = pa.account_id AND aa.name = pat.name
 WHERE COALESCE(aa.value, '') <> pat.value
UNION ALL
SELECT a.id, 'no_profile', NULL, NULL, NULL, NULL, NULL
  FROM directory_account a
 WHERE NOT EXISTS (SELECT 1 FROM profile_assignment pa WHERE pa.account_id = a.id)
   AND COALESCE((SELECT s.value = 'true'::jsonb FROM setting s
                  WHERE s.key = 'access.are_unassigned_accounts_non_compliant'), true);
