-- Home's unread counts read each group's most recently active published
-- topics, with their post counts, from this index alone (see groups::store::my_groups).
CREATE INDEX topics_group_recent ON topics (group_id, state, last_post_id, post_count);

-- Search matches a stored tsvector rather than computing one per post it
-- looks at: the planner often reaches posts through the member's groups and
-- topics, and then checked each post by parsing its text again.
ALTER TABLE posts ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED;
CREATE INDEX posts_search_vector ON posts USING gin (search_vector);
DROP INDEX posts_search;
