# Discussions: topics, posts, reactions, reading preference.
# Every key here must also exist in ../fr/discussions.ftl.

## Topics
topic-page-title = Conversation
topic-list-title = Topics
topic-list-empty = No topics yet.
topic-list-pages = More topics
topic-list-newest = Most recent topics
topic-list-older = Older topics
topic-new-link = Start a topic
topic-new-title = Start a topic
topic-title-label = Title
topic-title-empty = Please give your topic a title.
topic-title-too-long = A title can have at most 120 characters.
topic-publish = Publish the topic
topic-started-by = Started by { $pseudonym }
topic-started-by-former = Started by a former member
topic-post-count = { $count ->
    [one] { $count } post
   *[other] { $count } posts
}
topic-last-activity = last post { $time }
topic-new-count = { $count ->
    [one] { $count } new post
   *[other] { $count } new posts
}
topic-pinned = Pinned
topic-locked = Locked
topic-pin = Pin this topic
topic-unpin = Unpin this topic
topic-lock = Lock this topic
topic-unlock = Unlock this topic
topic-first-unread = Go to the first post you haven’t read
topic-pages-earlier = Earlier pages
topic-pages-later = Later pages
topic-first-page = First page
topic-older-posts = Earlier posts
topic-newer-posts = Newer posts
topic-page-empty = There are no posts on this page.
topic-read-only-note = This group is read-only now: you can read, but no one can add posts.
topic-locked-note = The facilitators have closed this topic to new replies. You can still read it.
topic-locked-staff-note = This topic is locked: members can’t reply, but staff still can.
topic-locked-reply-refused = This topic was closed to new replies while you were writing. Your text is still below, so you can copy it.

## Posts
post-reply-title = Reply
post-reply-publish = Publish the reply
post-preview = Preview
post-preview-title = Preview
post-preview-hint = This is how your post will look. It is not published yet.
post-warning-field = Content warning (optional)
post-warning-hint = A few words about what the post talks about, such as “violence” or “self-harm”. Readers can then choose when to open it.
post-warning-label = Content warning: { $warning }
post-warning-too-long = A content warning can have at most 120 characters.
post-body-label = Your post
post-body-hint = You can use Markdown: *italics*, **bold**, > quotes, - lists. Images are shown as links.
post-body-empty = Your post is empty. Please write something before publishing.
post-body-too-long = A post can have at most 20,000 characters. You could split it into two posts.
post-former-member = former member
post-edited = edited
post-deleted = This post was deleted by its author.
post-edit-link = Edit
post-delete-link = Delete
post-edit-title = Edit a post
post-edit-publish = Save the changes
post-edit-window-passed = The time to edit this post has passed. You can still delete it.
post-back-to-topic = Back to “{ $title }”
post-delete-title = Delete this post
post-delete-explain = Deleting removes your words for good: no one, not even staff, can bring them back. The post keeps its place in the conversation with the note “deleted by its author”.
post-delete-confirm = Yes, delete my post for good
post-delete-submit = Delete the post
post-delete-confirm-needed = Please tick the box to confirm before deleting.

## Reactions
reaction-support = Support
reaction-me-too = Me too
reaction-thank-you = Thank you
reaction-who-link = Who reacted
reaction-who-title = Who reacted
reaction-who-staff-only = Only staff see this page; members see the counts only.
reaction-none = No one has reacted to this post.

## Reading preference (account page)
reading-title = Content warnings
reading-explain = Posts with a content warning are folded until you choose to open them. You can have them shown open instead.
reading-fold = Fold posts with a content warning
