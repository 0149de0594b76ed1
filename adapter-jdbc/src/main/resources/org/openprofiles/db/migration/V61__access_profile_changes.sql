-- How many groups and attribute values each profile holds, so that a page of the list is cut to
-- its size budget from the profiles' rows alone (JdbiAccessProfiles.listIds).
ALTER TABLE access_profile ADD COLUMN details integer NOT NULL DEFAULT 0;

UPDATE access_profile p
   SET details = (SELECT count(*) FROM access_profile_group g WHERE g.profile_id = p.id)
               + (SELECT count(*) FROM access_profile_attribute a WHERE a.profile_id = p.id);

-- Access profiles are kept in memory for the ARM list (issue 14). Like the caches of V60 they stay
-- correct on every node through NOTIFY openprofiles_changes: 'access-profile:<id>' when a profile,
-- one of its groups or one of its attribute values changes, and 'group:<id>' when a directory
-- group's name or distinguished name changes (what a profile shows of its groups). Referenced
-- groups are never deleted (the foreign key of access_profile_group), so deletions need no notice.
CREATE TRIGGER access_profile_changed AFTER INSERT OR UPDATE OR DELETE ON access_profile
    FOR EACH ROW EXECUTE FUNCTION notify_change('access-profile', 'id');

CREATE TRIGGER access_profile_group_changed AFTER INSERT OR UPDATE OR DELETE ON access_profile_group
    FOR EACH ROW EXECUTE FUNCTION notify_change('access-profile', 'profile_id');

CREATE TRIGGER access_profile_attribute_changed AFTER INSERT OR UPDATE OR DELETE ON access_profile_attribute
    FOR EACH ROW EXECUTE FUNCTION notify_change('access-profile', 'profile_id');

CREATE TRIGGER directory_group_renamed AFTER UPDATE ON directory_group
    FOR EACH ROW
    WHEN ((OLD.name, OLD.distinguished_name) IS DISTINCT FROM (NEW.name, NEW.distinguished_name))
    EXECUTE FUNCTION notify_change('group', 'id');
