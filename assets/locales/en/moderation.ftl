# Moderation: queues, reports, actions, lockdown, roles, partners, audit log.
# Every key must also exist in ../fr/moderation.ftl.

## Audit log
audit-title = Audit log
audit-intro = Every action staff take is written here: who, what, on what, when and why. No one can change an entry. Entries go by the group’s retention, and when someone erases their account, entries about them stay without their name.
audit-filter-group = Group
audit-filter-actor = Staff member
audit-filter-action = Action
audit-filter-any = Any
audit-filter-submit = Show
audit-filter-clear = Show everything
audit-empty = Nothing has been written here yet.
audit-col-when = When
audit-col-who = Who
audit-col-what = What
audit-col-on = On what
audit-col-reason = Reason
audit-older = Older entries
audit-former-account = A former account
audit-command-line = The server’s command line
audit-target-gone = something no longer here
audit-target-post = a post in “{ $topic }”
audit-target-topic = the topic “{ $topic }”
audit-target-report = a report in “{ $topic }”
audit-target-invite = an invite
audit-target-partnership = a partner organisation
audit-target-instance = the whole instance
audit-detail-lead = lead
audit-detail-facilitator = facilitator
audit-detail-remove = removal
audit-detail-admin = admin
audit-detail-not-admin = no longer admin
audit-detail-action-taken = action taken
audit-detail-no-action = no action
audit-action-unknown = An action
audit-action-organisation-created = Created the organisation
audit-action-organisation-settings-changed = Changed the organisation’s settings
audit-action-staff-added = Added a staff member
audit-action-staff-removed = Removed a staff member
audit-action-role-change-requested = Asked for a role change
audit-action-role-change-confirmed = Confirmed a role change
audit-action-role-change-cancelled = Cancelled a role change
audit-action-partnership-set = Set a partner organisation’s invites
audit-action-partnership-ended = Ended a partnership
audit-action-instance-resources-changed = Changed the instance’s resources
audit-action-group-created = Created the group
audit-action-group-settings-changed = Changed the group’s settings
audit-action-moderation-settings-changed = Changed the group’s moderation settings
audit-action-agreements-changed = Changed the agreements
audit-action-resources-changed = Changed the group’s resources
audit-action-group-locked-down = Locked the group down
audit-action-lockdown-lifted = Lifted the lockdown
audit-action-invite-created = Made an invite
audit-action-invite-revoked = Withdrew an invite
audit-action-member-approved = Let a member in
audit-action-member-declined = Declined someone’s request to join
audit-action-member-removed = Removed a member from the group
audit-action-member-suspended = Suspended a member
audit-action-suspension-lifted = Lifted a suspension
audit-action-member-banned = Banned a member from the instance
audit-action-ban-lifted = Lifted a ban
audit-action-password-reset-issued = Made a password reset link
audit-action-staff-note-added = Added a staff note
audit-action-post-approved = Approved a post
audit-action-post-declined = Declined a post
audit-action-post-hidden = Hid a post
audit-action-post-unhidden = Showed a hidden post again
audit-action-post-redacted = Redacted a post
audit-action-topic-pinned = Pinned a topic
audit-action-topic-unpinned = Unpinned a topic
audit-action-topic-locked = Locked a topic
audit-action-topic-unlocked = Unlocked a topic
audit-action-topic-moved = Moved a topic
audit-action-report-resolved = Resolved a report
audit-action-group-privacy-changed = Changed the group’s privacy options
audit-action-account-erased-on-request = Erased an account on its member’s request

## Shared by staff actions
moderation-cancel = Cancel
moderation-note-label = A note for the person (optional; they will read it)
moderation-note-too-long = Please keep this to 1,000 characters or fewer.
moderation-reason-label = Reason (for the audit log; staff only)
moderation-reason-required = Please give a reason: the author will read it.
moderation-approve-post = Approve and publish
moderation-decline-post = Decline
moderation-decline-note-label = A note for the author (optional): what to change
moderation-hide-post = Hide from members
moderation-unhide-post = Show to members again
moderation-redact-link = Redact
moderation-originals-link = What it said before
moderation-author-link = The author’s page
moderation-move-link = Move to another group
moderation-words-too-long = A list can be at most 10,000 characters.
moderation-words-entry-too-long = Each line can be at most 100 characters.

## Posts that are not published
held-label = Waiting for a facilitator
declined-label = Not published
hidden-label = Hidden by the facilitators
declined-note = The facilitators’ note:
redacted-label = Edited by the facilitators
held-reason-details = Only you and the facilitators can see this post for now. It seems to include:
held-reason-details-edit = If you did not mean to share it, edit the post to take it out and it will appear at once. Otherwise a facilitator will read it soon.
held-reason-words = It uses words the facilitators asked to read first. A facilitator will read it soon.
held-reason-premoderation = In this group, a facilitator reads posts before they appear. Only you and the facilitators can see it for now.
held-topic-label = Waiting for a facilitator
hidden-topic-label = Hidden by the facilitators
held-topic-explain = Other members cannot see this topic.
held-topic-no-replies = Replies open once this topic is published.
held-edit-phone = Your changes seem to include a phone number, so they were not saved. Take it out, or write a new post: the facilitators will read it first.
held-edit-email = Your changes seem to include an e-mail address, so they were not saved. Take it out, or write a new post: the facilitators will read it first.
held-edit-address = Your changes seem to include a street address or postal code, so they were not saved. Take it out, or write a new post: the facilitators will read it first.
held-edit-handle = Your changes seem to include a social-media name, so they were not saved. Take it out, or write a new post: the facilitators will read it first.
held-edit-profile-link = Your changes seem to include a link to a profile, so they were not saved. Take it out, or write a new post: the facilitators will read it first.
held-edit-words = Your changes use words the facilitators asked to read first, so they were not saved. You can write a new post instead.
held-edit-premoderation = In this group, a facilitator reads posts before they appear, so a published post cannot be changed. You can write a new post instead.
filter-detail-phone = a phone number
filter-detail-email = an e-mail address
filter-detail-address = a street address or postal code
filter-detail-handle = a social-media name
filter-detail-profile-link = a link to a profile

## Lockdown
lockdown-banner = The facilitators have paused this group for now: no new posts or members for the moment. Everything stays here, and you can still write privately to the facilitators.
lockdown-reply-note = This group is paused for now, so replies are closed.

## Crisis resources
support-title = You are not alone
support-intro = Your post is published and the facilitators will see it soon. If you are in danger or thinking of hurting yourself, please reach out now:
support-more = More places to find help

## Reports
report-post-link = Report this post to the facilitators
report-topic-link = Report this topic to the facilitators

## Redaction
redact-title = Redact a post
redact-explain = { $days ->
    [one] Change what the post says. The author is told, with your reason. What it said before stays visible to the group’s staff as long as the post itself, and goes with it: by the group’s retention, { $days } day after the post was written, or sooner if its author deletes it.
   *[other] Change what the post says. The author is told, with your reason. What it said before stays visible to the group’s staff as long as the post itself, and goes with it: by the group’s retention, { $days } days after the post was written, or sooner if its author deletes it.
}
redact-explain-unlimited = Change what the post says. The author is told, with your reason. What it said before stays visible to the group’s staff as long as the post itself, and goes with it when its author deletes it.
redact-reason-label = Reason
redact-reason-hint = The author will read this. For example: “We removed a phone number to keep you safe.”
redact-submit = Save the redacted post
originals-title = What a redacted post said
originals-intro = Only the group’s staff see this page. What the post said goes with the post: when its author deletes it or erases their account, or by the group’s retention.
originals-none = Nothing is kept any more.
originals-when = Redacted { $time }
originals-reason = Reason:
originals-show = Show what it said
originals-purge = This post and its originals are deleted after { $time }.

## Moderation settings
moderation-settings-title = Moderation settings
moderation-settings-invalid = Please choose one of the options.
moderation-approval-label = New members need a facilitator’s approval
moderation-approval-hint = Someone who redeems an invite then waits until a facilitator lets them in. They see a calm waiting page meanwhile.
moderation-premoderation-legend = Which posts does a facilitator read before they appear?
moderation-premoderation-none = None
moderation-premoderation-new-members = A new member’s first posts
moderation-premoderation-all = Every post
moderation-premoderation-posts-label = How many first posts (for “a new member’s first posts”)
moderation-premoderation-posts-invalid = Please give a number from 1 to 20.
moderation-words-title = Word lists
moderation-words-group-hint = One word or phrase a line; a * at the end matches the start of a word (suicid* finds “suicidal”). These add to the organisation’s lists.
moderation-words-organisation-hint = One word or phrase a line; a * at the end matches the start of a word. They apply in every group of the organisation; each group can add its own.
moderation-crisis-words-label = Crisis words
moderation-crisis-words-hint = A post with one of these is published, flagged urgent for you, and its author sees the group’s resources at once.
moderation-crisis-words-organisation-hint = Hearth’s list in English and French to start with; change it as your organisation needs. A post with one of these is published, flagged urgent, and its author sees the group’s resources at once.
moderation-hold-words-label = Words to hold
moderation-hold-words-hint = A post with one of these waits for a facilitator before anyone else sees it.
moderation-flag-words-label = Words to flag
moderation-flag-words-hint = A post with one of these is published, and flagged for you to look at.
moderation-partner-approval-label = People invited by partner organisations need a facilitator’s approval
moderation-partner-approval-hint = Applies in every group of the organisation, whatever each group’s own setting.
audit-detail-none = no pre-moderation
audit-detail-new-members = new members’ first posts
audit-detail-all = every post

## The queue
queue-title = Moderation
queue-filter-group = Group
queue-filter-all = All my groups
queue-filter-submit = Show
queue-tallies-label = What is waiting
queue-count-urgent = urgent
queue-count-reports = { $count ->
    [one] other report or flag
   *[other] other reports and flags
}
queue-count-held = { $count ->
    [one] post to review
   *[other] posts to review
}
queue-count-pending = { $count ->
    [one] person waiting to join
   *[other] people waiting to join
}
queue-oldest = oldest waiting { $time }
queue-waited = waiting { $time }
queue-waited-minutes = { $count ->
    [one] 1 minute
   *[other] { $count } minutes
}
queue-waited-hours = { $count ->
    [one] 1 hour
   *[other] { $count } hours
}
queue-waited-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
queue-empty = Nothing is waiting for you. Thank you for looking after the group — and take care of yourself too.
queue-reports-title = Reports and flags
queue-urgent = Urgent
queue-flag-raised = Hearth flagged this post because it uses:
queue-reported-by = Reported by { $pseudonym }.
queue-reported-by-former = Reported by a former member.
queue-reporter-private = (Only staff see who reported; the author is never told.)
queue-report-details = They wrote:
queue-about-topic = About the topic
queue-about-post = About a post in
queue-written-by = written by { $pseudonym }
queue-show-post = Show the post
queue-show-warned = Show the post (warning: { $warning })
queue-resolve = Resolve this report
queue-resolve-legend = What was done?
queue-outcome-action-taken = I took action (hid, redacted, wrote to someone…)
queue-outcome-no-action = No action was needed
queue-resolve-note = Note (for the audit log)
queue-resolve-submit = Resolve
queue-held-title = Posts to review
queue-held-topic = New topic: { $topic }
queue-held-reply = Reply in { $topic }
queue-held-because = Held because of:
queue-held-words = a word from your lists
queue-held-premoderation = pre-moderation
queue-open-in-topic = Open where it was written
queue-pending-title = People waiting to join
queue-invited-by = Invited by { $pseudonym }
queue-invited-by-server = Invited from the server’s command line
queue-invited-through = through { $organisation }
queue-invite-note = Invite note:
queue-pending-locked-down = The group is locked down: letting people in waits until a lead lifts the lockdown.
queue-approve-member = Let them in
queue-decline-member = Decline
moderation-back = Back
report-reason-unkind = Unkind or harmful
report-reason-identifying = Shares identifying details
report-reason-intruder = I think this is an intruder or someone pretending
report-reason-at-risk = Someone may be at risk
report-reason-spam = Spam
report-reason-other = Something else
report-reason-crisis = Crisis words
report-reason-words = Words from a staff list

## A member’s standing in a group
member-waiting-tag = Waiting for the facilitators
member-suspended-tag = Paused for you
lockdown-tag = Paused
member-waiting-title = You are waiting for the facilitators.
member-waiting-explain = The facilitators of this group read every request to join. They will let you in soon, or tell you why not. You do not need to do anything now; you will find their answer on your notifications page.
member-waiting-agreements = Read the group’s agreements meanwhile
member-waiting-withdraw = Withdraw your request
suspension-notice = The facilitators have paused your participation in this group until { $time }.
suspension-notice-help = You can still write privately to the facilitators, and read your other groups.
group-staff-moderation = Moderation queue
group-staff-moderation-settings = Moderation settings
sign-in-banned = This account has been closed by the facilitators. If you think this is a mistake, please contact the organisation that invited you.

## Notices
notice-title = From the facilitators
notice-open = Open
notice-note = Their note:
notice-member-approved = You are now a member of { $group }.
notice-member-declined = The facilitators of { $group } did not accept your request to join.
notice-member-removed = You are no longer a member of { $group }.
notice-suspended = The facilitators of { $group } have paused your participation for a while.
notice-post-approved = Your post in { $group } is now published:
notice-post-declined = The facilitators of { $group } sent your post back to you, to change before it is published:
notice-post-redacted = The facilitators of { $group } edited your post:

## Reporting
report-post-title = Report a post
report-topic-title = Report a topic
report-explain = Tell the facilitators what worries you. They will see that you reported it; the person who wrote it will not be told who did.
report-reason-legend = What is wrong?
report-details-label = Anything else the facilitators should know
report-details-hint = Needed if you chose “Something else”.
report-submit = Send to the facilitators
report-reason-needed = Please choose what is wrong.
report-details-needed = Please tell the facilitators what is wrong, in a few words.
report-sent = Thank you. The facilitators will look at it soon.
report-sent-urgent = If someone is in danger right now, call 911 (or your local emergency number).
report-back = Back to the conversation

## A member, as staff see them
member-back = Members of { $group }
member-banned-tag = Banned
member-banned-kept = A banned account is kept, pseudonym included, so the name cannot simply be taken again. Once a lead lifts the ban, the account can be erased on the member’s request.
member-suspended-until = Suspended in this group until { $time }.
member-reset-link-intro = Here is a one-time link to set a new password. It works once, for 24 hours. Hand it over in person or by a channel the member already trusts; it is not shown again.
member-notes-title = Staff notes
member-notes-hint = Only the organisation’s staff read these. Keep them short and factual.
member-notes-none = No notes yet.
member-note-label = Add a note
member-note-submit = Add the note
member-note-invalid = A note needs a few words, and at most 500 characters.
member-actions-title = Actions
member-holds-power-note = This person is staff, or an admin. Group staff cannot suspend, ban or reset them: ask a lead or an admin.
member-holds-power = This person is staff, or an admin: ask a lead or an admin.
member-not-active = This person is still waiting to join.
member-suspend = Suspend in this group
member-suspend-days-label = For how long
member-suspend-days = Please choose how long.
member-unsuspend = Lift the suspension
member-remove = Remove from the group
member-remove-explain = They leave the group; what they wrote stays. They can only come back with a new invite.
member-ban = Ban from the instance
member-ban-explain = They cannot sign in again and every session they have ends at once, in every group. Only a lead can lift a ban.
member-ban-confirm-label = I want to ban this account
member-ban-confirm = Please tick the box to confirm the ban.
member-unban = Lift the ban
member-reset = Make a password reset link
member-reset-explain = For a member who lost their password and their recovery codes. You hand the link over yourself; it works once, for 24 hours, and signs the account out everywhere.
member-reset-submit = Make the link

## Password reset by link
reset-title = Choose a new password
reset-intro = This link lets { $pseudonym } choose a new password. Every device signed in to the account will be signed out.
reset-submit = Save the new password
reset-unusable = This link cannot be used: it was already used, or it is more than 24 hours old. Ask the facilitators for a new one.

## Lockdown page
lockdown-title = Lock the group down
lockdown-explain = For when a hostile intruder is in the group, or an account may have been taken over. At once:
lockdown-effect-posts = members cannot post, reply or react (staff still can);
lockdown-effect-members = no one joins: approvals wait, and invites into the group stop working;
lockdown-effect-invites = every unused invite into the group is withdrawn;
lockdown-effect-banner = members see a calm notice that the group is paused, and can still write to you privately.
lockdown-lift-explain = Only a lead of the organisation can lift a lockdown. Both are written in the audit log.
lockdown-lock = Lock the group down now
lockdown-since = This group has been locked down since { $time }.
lockdown-lift = Lift the lockdown
lockdown-lift-lead-only = A lead of the organisation can lift it.
group-staff-lockdown = Lockdown

## Moving a topic
move-title = Move a topic
move-explain = From { $group } to another group of the organisation that you facilitate. Its posts and reports go with it.
move-nowhere = There is no other group of this organisation that you facilitate.
move-group-label = To
move-submit = Move the topic
audit-action-role-changed = Changed their own role

## Roles
role-title = Staff roles
role-not-allowed = Only a lead of the organisation or an admin can do that.
role-last-lead = An organisation always keeps at least one lead: make someone else a lead first.
role-last-admin = The instance always keeps at least one admin: make someone else an admin first.
role-already-admin = That account is already an admin.
role-asked = Asked. A second lead of the organisation (or an admin) must confirm it; until then nothing changes. A request lapses after a week.
role-make-lead = Make a lead
role-make-facilitator = Make a facilitator
role-remove-staff = Remove from the staff
role-requests-title = Waiting for a second person
role-requests-hint = Changes that give or take away a lead’s or an admin’s power need a second lead or admin, so that one stolen account cannot take over.
role-requested-by = (asked by { $pseudonym })
role-confirm = Confirm
role-cancel = Cancel the request
role-change-lead = Make { $pseudonym } a lead
role-change-facilitator = Make { $pseudonym } a facilitator instead of a lead
role-change-remove = Remove { $pseudonym } from the staff
role-change-admin = Make { $pseudonym } an admin
role-change-not-admin = Remove { $pseudonym } as admin
organisation-moderation-link = Moderation settings
organisation-partners-link = Partner organisations
organisation-audit-link = Audit log
admins-title = Admins
admins-intro = Admins run the server and create organisations; they do not read the groups. Adding or removing an admin needs a second admin to confirm.
admins-you = you
admins-remove = Remove as admin
admins-step-down = Step down as admin
admins-add-title = Make someone an admin
admins-add-hint = An existing account. A second admin must confirm it.
admins-add-submit = Ask to make them an admin
nav-moderation = Moderation

## Partner organisations
partner-title = Partner organisations
partner-intro = Let another organisation on this instance (a shelter that refers people, say) invite people into some of your groups, up to a number of invites. Their staff never see your groups or your queues. Whether people they invite wait for your approval is in the moderation settings.
partner-none = No partner organisation yet.
partner-ended = Ended
partner-quota-line = { $quota ->
    [one] 1 invite allowed
   *[other] { $quota } invites allowed
}
partner-made-line = { $made ->
    [one] 1 made
   *[other] { $made } made
}
partner-used-line = { $used ->
    [one] 1 used
   *[other] { $used } used
}
partner-no-groups = No group chosen yet.
partner-end = End the partnership
partner-set-title = Give a partner invites
partner-no-organisations = There is no other organisation on this instance yet.
partner-organisation-label = Partner organisation
partner-quota-label = How many invites
partner-quota-hint = From 0 to 1,000. A withdrawn invite that was never used goes back to the count.
partner-groups-legend = Into which groups
partner-set-submit = Save
partner-choose = Please choose a partner organisation.
partner-quota-invalid = Please give a number of invites from 0 to 1,000.
partner-invite-through = through { $host }
partner-invite-left = { $left ->
    [one] 1 invite left
   *[other] { $left } invites left
}
partner-invite-mixed = An invite goes either into your own groups or into one partner’s groups: please make two invites.
partner-quota-used = Your organisation has used every invite this partner gave it. Ask their lead for more.
invites-made-by = made by { $pseudonym }
home-queue-urgent = { $count } urgent
home-queue-waiting = { $count ->
    [one] { $count } other waiting
   *[other] { $count } others waiting
}
