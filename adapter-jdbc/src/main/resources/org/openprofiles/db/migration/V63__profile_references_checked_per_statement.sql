-- A certificate profile's two references (assigned_user_id → app_user, template_id →
-- profile_template) are checked once per statement instead of once per row (issue 14, bulk import).
--
-- Why: a declarative foreign key queues one trigger event per inserted row and runs one query per
-- event (find the referenced row and lock it FOR KEY SHARE). For a 10,000-profile import that is
-- 20,000 queries, about half of PostgreSQL's work for the whole COPY (docs/performance.md, "Bulk
-- import"). The checks below do the same thing once per statement over the statement's rows.
--
-- The guarantee is the foreign key's, kept by the same means:
-- * Writing a profile (INSERT, COPY, or an UPDATE that changes either reference) locks every
--   referenced user and template FOR KEY SHARE at the end of the statement, exactly as the
--   foreign key's own check does; a row that is missing, or deleted by a transaction that
--   committed meanwhile, fails the statement with SQLSTATE 23503 and the foreign key's name and
--   message. The lock holds until commit, so the referenced rows cannot be deleted (or their id
--   changed) while the profile's transaction is open; ordinary updates of a user or a template
--   (FOR NO KEY UPDATE) do not wait for it.
-- * Deleting users or templates, or changing their id, fails with 23503 while a visible profile
--   refers to them, checked once per statement. A deletion that waited for a profile writer's
--   KEY SHARE lock sees that writer's profiles, because at READ COMMITTED each statement of the
--   check takes a new snapshot. At REPEATABLE READ or SERIALIZABLE a deletion's snapshot could
--   miss profiles committed after it began (the foreign key uses an internal cross-check snapshot
--   for this, which a trigger cannot); such deletions are refused outright (SQLSTATE 0A000).
--   The service itself never deletes users or templates; an operator does so at READ COMMITTED.
-- * TRUNCATE of app_user or profile_template is refused while certificate_profile has rows
--   (at REPEATABLE READ or SERIALIZABLE: while it holds anything on disk), unless
--   certificate_profile is truncated in the same statement (a backup restore does that).
--
-- The foreign keys stay in the catalog as NOT ENFORCED: the schema still says what refers to what
-- (tools, pg_dump, and the backup's table order read it); the triggers below enforce it.
-- PostgreSQL before 18 has no NOT ENFORCED: there the per-row foreign keys are kept as they are.

-- Locks the rows of table `target` whose id is among `ids` FOR KEY SHARE, and fails as foreign
-- key certificate_profile_<referring>_fkey fails when one of them is not there. The ids are
-- looked up as "= ANY (array)": one index scan in key order (so locks are taken in a fixed
-- order), half the cost of joining the statement's new rows.
CREATE FUNCTION certificate_profile_references_locked(ids uuid[], target text, referring text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    constraint_name text := 'certificate_profile_' || referring || '_fkey';
    locked  bigint;
    missing uuid;
BEGIN
    EXECUTE format('SELECT FROM %I t WHERE t.id = ANY ($1) FOR KEY SHARE OF t', target) USING ids;
    GET DIAGNOSTICS locked = ROW_COUNT;
    IF locked < cardinality(ids) THEN
        EXECUTE format('SELECT w.id FROM unnest($1) AS w (id)
                         WHERE NOT EXISTS (SELECT FROM %I t WHERE t.id = w.id) LIMIT 1', target)
            INTO missing
            USING ids;
        RAISE EXCEPTION 'insert or update on table "certificate_profile" violates foreign key constraint "%"',
                        constraint_name
              USING ERRCODE = 'foreign_key_violation',
                    DETAIL = format('Key (%s)=(%s) is not present in table "%s".', referring, missing, target),
                    TABLE = 'certificate_profile',
                    CONSTRAINT = constraint_name;
    END IF;
END
$$;

-- A statement that added profiles: each of their users and templates once.
CREATE FUNCTION certificate_profile_references_exist() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM certificate_profile_references_locked(
        ARRAY(SELECT DISTINCT assigned_user_id FROM new_profiles), 'app_user', 'assigned_user_id');
    PERFORM certificate_profile_references_locked(
        ARRAY(SELECT DISTINCT template_id FROM new_profiles), 'profile_template', 'template_id');
    RETURN NULL;
END
$$;

-- An update that moves a profile to another user or template: one row at a time, as the foreign
-- key's own update check (the service never does this; status and comment updates skip it).
CREATE FUNCTION certificate_profile_reference_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM certificate_profile_references_locked(ARRAY[NEW.assigned_user_id], 'app_user', 'assigned_user_id');
    PERFORM certificate_profile_references_locked(ARRAY[NEW.template_id], 'profile_template', 'template_id');
    RETURN NULL;
END
$$;

-- Users or templates leaving (deleted, or their id changed): none may still be referred to.
-- TG_ARGV[0] is the referring column of certificate_profile. A deletion is checked once per
-- statement (its old rows in the transition table gone_rows), an id change per row (never done by
-- the service; ordinary updates skip it). As in the foreign key's own check, an id that is back
-- in the table by the end of the statement is not gone.
CREATE FUNCTION certificate_profile_referenced_rows_kept() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    gone       uuid[];
    referenced uuid;
    constraint_name text := 'certificate_profile_' || TG_ARGV[0] || '_fkey';
BEGIN
    IF TG_LEVEL = 'ROW' THEN
        gone := ARRAY[OLD.id];
    ELSE
        SELECT array_agg(id) INTO gone FROM gone_rows;
    END IF;
    IF gone IS NULL THEN
        RETURN NULL;
    END IF;
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'rows of "%" can be deleted or given another id at READ COMMITTED only', TG_TABLE_NAME
              USING ERRCODE = 'feature_not_supported',
                    DETAIL = format('Foreign key "%s" is checked by a trigger, which at %s cannot see'
                                    ' profiles committed after this transaction began.',
                                    constraint_name, upper(current_setting('transaction_isolation'))),
                    HINT = 'Run the statement in a READ COMMITTED transaction.';
    END IF;
    EXECUTE format('SELECT o.id FROM unnest($1) AS o (id)
                     WHERE EXISTS (SELECT FROM certificate_profile p WHERE p.%I = o.id)
                       AND NOT EXISTS (SELECT FROM %I k WHERE k.id = o.id)
                     LIMIT 1', TG_ARGV[0], TG_TABLE_NAME)
        INTO referenced
        USING gone;
    IF referenced IS NOT NULL THEN
        RAISE EXCEPTION 'update or delete on table "%" violates foreign key constraint "%" on table "certificate_profile"',
                        TG_TABLE_NAME, constraint_name
              USING ERRCODE = 'foreign_key_violation',
                    DETAIL = format('Key (id)=(%s) is still referenced from table "certificate_profile".', referenced),
                    TABLE = 'certificate_profile',
                    CONSTRAINT = constraint_name;
    END IF;
    RETURN NULL;
END
$$;

-- TRUNCATE of a referenced table alone would leave every profile without its user or template.
-- Allowed when certificate_profile holds nothing at all on disk (it was truncated in the same
-- statement, as a backup restore does, or never had a row), which no snapshot can hide.
CREATE FUNCTION certificate_profile_referenced_table_kept() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF pg_relation_size('certificate_profile') > 0
       AND (current_setting('transaction_isolation') <> 'read committed'
            OR EXISTS (SELECT FROM certificate_profile)) THEN
        RAISE EXCEPTION 'cannot truncate a table referenced in a foreign key constraint'
              USING ERRCODE = 'feature_not_supported',
                    DETAIL = format('Table "certificate_profile" references "%s".', TG_TABLE_NAME),
                    HINT = 'Truncate table "certificate_profile" at the same time.';
    END IF;
    RETURN NULL;
END
$$;

DO $$
BEGIN
    IF current_setting('server_version_num')::int < 180000 THEN
        RAISE NOTICE 'PostgreSQL % has no NOT ENFORCED foreign keys: certificate_profile keeps its per-row checks',
                     current_setting('server_version');
        RETURN;
    END IF;
    -- Dropped and added again rather than altered: a constraint altered to NOT ENFORCED still
    -- blocks TRUNCATE of the referenced table, one created so does not, and pg_dump recreates it
    -- so; one shape everywhere, with the TRUNCATE triggers below guarding both.
    EXECUTE 'ALTER TABLE certificate_profile'
            '  DROP CONSTRAINT certificate_profile_assigned_user_id_fkey,'
            '  DROP CONSTRAINT certificate_profile_template_id_fkey,'
            '  ADD CONSTRAINT certificate_profile_assigned_user_id_fkey'
            '      FOREIGN KEY (assigned_user_id) REFERENCES app_user (id) NOT ENFORCED,'
            '  ADD CONSTRAINT certificate_profile_template_id_fkey'
            '      FOREIGN KEY (template_id) REFERENCES profile_template (id) NOT ENFORCED';

    CREATE TRIGGER certificate_profile_references_exist AFTER INSERT ON certificate_profile
        REFERENCING NEW TABLE AS new_profiles
        FOR EACH STATEMENT EXECUTE FUNCTION certificate_profile_references_exist();
    CREATE TRIGGER certificate_profile_reference_changed AFTER UPDATE OF assigned_user_id, template_id
        ON certificate_profile
        FOR EACH ROW WHEN (OLD.assigned_user_id IS DISTINCT FROM NEW.assigned_user_id
                           OR OLD.template_id IS DISTINCT FROM NEW.template_id)
        EXECUTE FUNCTION certificate_profile_reference_changed();

    CREATE TRIGGER app_user_deleted_unreferenced AFTER DELETE ON app_user
        REFERENCING OLD TABLE AS gone_rows
        FOR EACH STATEMENT EXECUTE FUNCTION certificate_profile_referenced_rows_kept('assigned_user_id');
    CREATE TRIGGER app_user_rekeyed_unreferenced AFTER UPDATE OF id ON app_user
        FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id)
        EXECUTE FUNCTION certificate_profile_referenced_rows_kept('assigned_user_id');
    CREATE TRIGGER app_user_truncated_unreferenced AFTER TRUNCATE ON app_user
        FOR EACH STATEMENT EXECUTE FUNCTION certificate_profile_referenced_table_kept();

    CREATE TRIGGER profile_template_deleted_unreferenced AFTER DELETE ON profile_template
        REFERENCING OLD TABLE AS gone_rows
        FOR EACH STATEMENT EXECUTE FUNCTION certificate_profile_referenced_rows_kept('template_id');
    CREATE TRIGGER profile_template_rekeyed_unreferenced AFTER UPDATE OF id ON profile_template
        FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id)
        EXECUTE FUNCTION certificate_profile_referenced_rows_kept('template_id');
    CREATE TRIGGER profile_template_truncated_unreferenced AFTER TRUNCATE ON profile_template
        FOR EACH STATEMENT EXECUTE FUNCTION certificate_profile_referenced_table_kept();
END
$$;
