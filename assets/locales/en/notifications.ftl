# Notifications and search.

## Search
search-title = Search
search-label = Search your groups
search-hint = Finds topics and posts in the groups you can read. Accents and capitals don’t matter, and the start of a word is enough.
search-submit = Search
search-too-long = A search can have at most 200 characters. Try a few words.
search-results-title = Results
search-none = Nothing matches every word. Try fewer or shorter words.
search-results-count = { $count ->
    [one] One post matches.
   *[other] { $count } posts match, newest first.
}
search-results-limited = Only the most recent are shown; add a word to narrow the search.
search-former-member = former member
search-warning = Content warning: { $warning }

## Notifications
notifications-title = Notifications
notifications-intro = Replies to your topics, mentions of your pseudonym and messages from facilitators. They are only shown here, never sent anywhere.
notifications-none = Nothing new.
notifications-unread = New:
notifications-mark-all = Mark all as read
notifications-mark-one = Mark as read
notifications-older = Older notifications
notifications-reply = { $pseudonym } replied to your topic:
notifications-reply-former = A former member replied to your topic:
notifications-mention = { $pseudonym } mentioned you in:
notifications-mention-former = A former member mentioned you in:
notifications-check-in-staff = A facilitator wrote to you in a check-in:
notifications-check-in-member = { $pseudonym } wrote in a check-in:
notifications-check-in-former = A former member wrote in a check-in:
