-- Moderation meets safety and privacy (issues 4 and 5, merged).
-- Ids are 64-bit integers; times are UTC unix seconds; flags are 0/1.

-- Erasing an account takes it out of the audit log: an entry keeps what was
-- done and when, but the erased account's id becomes 0 ("a former account",
-- as on SQLite, which may give a deleted id to the next account), and a
-- reason that names the person is dropped. Those are the only changes an
-- entry allows.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id = OLD.id AND NEW.created_at = OLD.created_at AND NEW.action = OLD.action
        AND NEW.organisation_id IS NOT DISTINCT FROM OLD.organisation_id
        AND NEW.group_id IS NOT DISTINCT FROM OLD.group_id
        AND NEW.topic_id IS NOT DISTINCT FROM OLD.topic_id
        AND NEW.target_kind = OLD.target_kind AND NEW.detail = OLD.detail
        AND (NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id OR (OLD.actor_id IS NOT NULL AND NEW.actor_id = 0))
        AND (NEW.target_id IS NOT DISTINCT FROM OLD.target_id OR (OLD.target_kind = 'member' AND NEW.target_id = 0))
        AND (NEW.reason = OLD.reason OR NEW.reason = '')
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit entries are never changed';
END;
$$;

-- What a redacted post said is kept as long as the post itself (the group's
-- retention, counted from when the post was written) and goes with it, so it
-- needs no date of its own.
DROP INDEX redactions_purge;
ALTER TABLE redactions DROP COLUMN purge_at;

-- Moderation's records follow the group's retention like its posts: the
-- purge deletes them by age, group by group.
CREATE INDEX reports_group_created ON reports (group_id, created_at);
CREATE INDEX member_notices_group_created ON member_notices (group_id, created_at);
CREATE INDEX audit_log_group_created ON audit_log (group_id, created_at);
