-- AssignmentsByProfileId shows each assigned account's name, display name, distinguished name and
-- whether it is enabled (issue 14). Read through a join, a page of ten looked each account up by id:
-- eleven descents of directory_account's primary key and eleven heap pages, 44 of the page's 48
-- buffer reads. Kept on the assignment beside the sort key V62 keeps there, a page is one range of
-- one index and the rows it points to. The triggers keep the copy right whoever writes, in the
-- writer's own transaction: a new assignment (or one moved to another account) copies its
-- account; a change of any copied field of an account is copied to all its assignments.
ALTER TABLE profile_assignment
    ADD COLUMN account_name text,
    ADD COLUMN account_display_name text,
    ADD COLUMN account_distinguished_name text,
    ADD COLUMN account_enabled boolean;

UPDATE profile_assignment pa
   SET account_name = a.sam_account_name,
       account_display_name = a.display_name,
       account_distinguished_name = a.distinguished_name,
       account_enabled = a.enabled
  FROM directory_account a
 WHERE a.id = pa.account_id;

ALTER TABLE profile_assignment
    ALTER COLUMN account_name SET NOT NULL,
    ALTER COLUMN account_display_name SET NOT NULL,
    ALTER COLUMN account_distinguished_name SET NOT NULL,
    ALTER COLUMN account_enabled SET NOT NULL;

-- V62's triggers copied the sort key alone; these copy it with the rest.
DROP TRIGGER directory_account_renamed ON directory_account;
DROP FUNCTION account_renamed();
DROP TRIGGER profile_assignment_account_key ON profile_assignment;
DROP FUNCTION assignment_account_key();

CREATE FUNCTION assignment_copies_account() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    SELECT lower(a.sam_account_name), a.sam_account_name, a.display_name, a.distinguished_name, a.enabled
      INTO NEW.account_key, NEW.account_name, NEW.account_display_name, NEW.account_distinguished_name,
           NEW.account_enabled
      FROM directory_account a
     WHERE a.id = NEW.account_id;
    RETURN NEW;
END
$$;

CREATE TRIGGER profile_assignment_copies_account BEFORE INSERT OR UPDATE OF account_id ON profile_assignment
    FOR EACH ROW EXECUTE FUNCTION assignment_copies_account();

CREATE FUNCTION account_copied_to_assignments() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE profile_assignment
       SET account_key = lower(NEW.sam_account_name),
           account_name = NEW.sam_account_name,
           account_display_name = NEW.display_name,
           account_distinguished_name = NEW.distinguished_name,
           account_enabled = NEW.enabled
     WHERE account_id = NEW.id;
    RETURN NULL;
END
$$;

-- Only a change of a copied field: a directory sync that rewrites an account unchanged (or changes
-- only what is not copied) touches none of its assignments.
CREATE TRIGGER directory_account_copied AFTER UPDATE OF sam_account_name, display_name, distinguished_name, enabled
    ON directory_account
    FOR EACH ROW
    WHEN (OLD.sam_account_name IS DISTINCT FROM NEW.sam_account_name
          OR OLD.display_name IS DISTINCT FROM NEW.display_name
          OR OLD.distinguished_name IS DISTINCT FROM NEW.distinguished_name
          OR OLD.enabled IS DISTINCT FROM NEW.enabled)
    EXECUTE FUNCTION account_copied_to_assignments();
