-- AssignmentsByProfileId lists a profile's accounts by name (issue 14). Sorting every assignment of
-- the profile by its account's name for each page grows with the profile (10 rows shown, 10,000
-- sorted for a large department); with the account's name kept on the assignment, a page is a
-- range of one index. Triggers keep the copy right whoever writes: a new assignment takes its
-- account's name, and a renamed account renames its assignments.
ALTER TABLE profile_assignment ADD COLUMN account_key text;

UPDATE profile_assignment pa
   SET account_key = lower(a.sam_account_name)
  FROM directory_account a
 WHERE a.id = pa.account_id;

ALTER TABLE profile_assignment ALTER COLUMN account_key SET NOT NULL;

CREATE INDEX profile_assignment_by_account_name ON profile_assignment (profile_id, account_key, account_id);

CREATE FUNCTION assignment_account_key() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.account_key := (SELECT lower(sam_account_name) FROM directory_account WHERE id = NEW.account_id);
    RETURN NEW;
END
$$;

CREATE TRIGGER profile_assignment_account_key BEFORE INSERT OR UPDATE OF account_id ON profile_assignment
    FOR EACH ROW EXECUTE FUNCTION assignment_account_key();

CREATE FUNCTION account_renamed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE profile_assignment SET account_key = lower(NEW.sam_account_name) WHERE account_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER directory_account_renamed AFTER UPDATE OF sam_account_name ON directory_account
    FOR EACH ROW
    WHEN (lower(OLD.sam_account_name) IS DISTINCT FROM lower(NEW.sam_account_name))
    EXECUTE FUNCTION account_renamed();
