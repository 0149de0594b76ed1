-- Caches (of a token's owner, of templates) stay correct on every node: any change to these rows,
-- whoever makes it, sends NOTIFY openprofiles_changes '<topic>:<id>'. PostgreSQL delivers it only
-- when the transaction commits, and folds repeats of one payload within a transaction into one.
-- New users and tokens need no notice: nothing unknown is cached.
CREATE FUNCTION notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('openprofiles_changes',
                      TG_ARGV[0] || ':' || (to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END) ->> TG_ARGV[1]));
    RETURN NULL;
END
$$;

CREATE TRIGGER app_user_changed AFTER UPDATE OR DELETE ON app_user
    FOR EACH ROW EXECUTE FUNCTION notify_change('user', 'id');

CREATE TRIGGER api_token_changed AFTER UPDATE OR DELETE ON api_token
    FOR EACH ROW EXECUTE FUNCTION notify_change('token', 'id');

CREATE TRIGGER profile_template_changed AFTER INSERT OR UPDATE OR DELETE ON profile_template
    FOR EACH ROW EXECUTE FUNCTION notify_change('template', 'id');

CREATE TRIGGER template_policy_changed AFTER INSERT OR UPDATE OR DELETE ON template_policy
    FOR EACH ROW EXECUTE FUNCTION notify_change('template', 'template_id');
