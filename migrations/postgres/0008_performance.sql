-- Home's unread counts read each group's most recently active published
-- topics, with their post counts, from this index alone (see groups::store::my_groups).
CREATE INDEX topics_group_recent ON topics (group_id, state, last_post_id, post_count);
