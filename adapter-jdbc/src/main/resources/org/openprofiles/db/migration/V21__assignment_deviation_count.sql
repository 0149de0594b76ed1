-- How many ways each account deviates from each of its profiles, kept up to date by every change
-- that can alter it (profile save, assignment, directory import) in the same transaction. The
-- rule itself stays in the view account_deviation; this column only caches its count, so that
-- "non-compliant only" filters and per-profile counts are index look-ups instead of re-checking
-- every required group of every account.
ALTER TABLE profile_assignment ADD COLUMN deviations integer NOT NULL DEFAULT 0;

-- "Does this account deviate from any of its profiles?"
CREATE INDEX profile_assignment_deviating ON profile_assignment (account_id) WHERE deviations > 0;

UPDATE profile_assignment pa
   SET deviations = (SELECT count(*) FROM account_deviation d
                      WHERE d.account_id = pa.account_id AND d.profile_id = pa.profile_id);
