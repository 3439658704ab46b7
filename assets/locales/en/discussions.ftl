# Discussions: topics, posts, reactions, search, notifications.
