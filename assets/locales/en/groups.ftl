# Groups: home, group pages, agreements, resources, staff pages, check-ins.

home-groups-title = Your groups
home-no-groups = You are not in any group yet. The facilitators who invited you can add you to one.
home-unread = { $count ->
    [one] 1 new post
   *[other] { $count } new posts
}
home-needs-agreement = Please read the agreements
home-you-facilitate = You facilitate
home-organisations-title = Organisations you lead

group-not-yet-open = This group has not opened yet. You can read its agreements and resources now.
group-ended = This group has ended. Everything stays readable, but nothing new can be added.
group-accept-first = Before you can read and post here, please read the group’s agreements and accept them.
group-read-agreements = Read the agreements
group-about = About this group
group-purpose = Purpose
group-facilitation = How it is facilitated
group-schedule = When
group-from = From { $date }
group-until = until { $date }
group-open-ended = Open-ended: no end date.
group-agreements-link = Agreements
group-resources-link = Resources
group-check-in-link = Write privately to the facilitators
group-leave-link = Leave this group
group-staff-nav = Facilitation
group-staff-members = Members
group-staff-settings = Group settings
group-staff-agreements = Edit the agreements
group-staff-resources = Edit the resources
group-staff-check-in = Check in with a member

agreements-title = Agreements
agreements-changed = The facilitators changed the agreements since you last accepted them.
agreements-added = New or changed:
agreements-removed = Removed:
agreements-accept-label = I have read these agreements and I will keep them.
agreements-accept-submit = Accept and continue
agreements-tick-box = Please tick the box to accept the agreements.
agreements-changed-meanwhile = The agreements changed while you were reading. Please read this version and accept it.
agreements-edit-title = Edit the agreements
agreements-edit-hint = Markdown. Saving a change asks every member to read and accept the agreements again, with the changes shown.

leave-title = Leave the group
leave-explain = You will no longer see this group. What you posted stays in it. The facilitators can invite you again.
leave-confirm-label = Yes, I want to leave { $group }.
leave-submit = Leave the group
leave-tick-box = Please tick the box to confirm.

resources-title = Resources
resources-empty = No resources have been added yet.
resources-edit-link = Edit this page
resources-instance-link = Resources for everyone on this site
resources-edit-title = Edit the resources
resources-edit-hint = Markdown: local services, crisis lines, safety tips. Links open outside this site.

edit-back = Back
edit-preview-title = Preview
edit-body-label = Text
edit-preview = Preview
edit-save = Save
markdown-too-long = This text is too long (20,000 characters at most).
markdown-empty = Please write something first.

organisations-title = Organisations
organisations-none = No organisations yet.
organisations-create-title = New organisation
organisations-name-label = Name
organisations-lead-label = Its lead
organisations-lead-hint = The pseudonym of an existing account. Invite the person first if they have none.
organisations-create-submit = Create the organisation
organisation-name-invalid = Please give a name of at most 80 characters.
organisation-name-taken = An organisation already has this name.
organisation-groups-title = Groups
organisation-no-groups = No groups yet.
organisation-staff-title = Staff
organisation-add-staff-title = Add staff or change a role
organisation-staff-pseudonym-label = Pseudonym
organisation-staff-hint = The pseudonym of an existing account.
organisation-role-label = Role
organisation-add-staff-submit = Save
organisation-new-group-title = New group
organisation-new-group-submit = Create the group
staff-pseudonym-unknown = No account has this pseudonym.
staff-role-invalid = Please choose a role.
staff-role-lead = lead
staff-role-facilitator = facilitator

group-name-label = Name
group-slug-label = Short name for links
group-slug-hint = 3 to 40 lower-case letters, digits and hyphens, e.g. tuesday-circle. It appears in addresses.
group-starts-label = Opens on (optional)
group-ends-label = Ends on (optional)
group-dates-hint = Format 2026-01-31. Leave both empty for an open-ended group. After the end, the group is read-only.
group-facilitators-legend = Facilitators
group-slug-invalid = Please give a short name of 3 to 40 lower-case letters, digits and hyphens.
group-slug-taken = Another group already uses this short name.
group-text-invalid = Please fill in the name (80 characters at most), the purpose and how it is facilitated (2,000 characters at most).
group-date-invalid = Please write dates as 2026-01-31.
group-dates-order = The end date must come after the opening date.
group-facilitator-needed = Please choose at least one facilitator.
group-settings-title = Group settings
group-edit-window-label = Members can edit their posts for (minutes)
group-edit-window-hint = From 0 to 10080 (a week). Facilitators can always edit.
group-edit-window-invalid = Please give a number of minutes from 0 to 10080.
group-member-messages-label = Allow members to write privately to each other in this group (off unless you turn it on; facilitators cannot read these conversations)

members-title = Members
members-none = No members yet.
members-joined = joined { $date }
members-not-agreed = has not accepted the current agreements

check-ins-title = Check-ins
check-ins-explain = Private conversations with the facilitators of a group. Only you and the group’s facilitators can read them.
check-ins-none = No conversations yet. You can write to the facilitators from any of your groups’ pages.
check-ins-mine = With the facilitators
check-ins-staff = With members of the groups you facilitate
check-ins-new = new
check-in-former-member = former member
check-in-new-title = Write to the facilitators
check-in-new-explain = Only the facilitators of this group will read this.
check-in-new-staff-title = Check in with a member
check-in-new-staff-explain = Only this member and the group’s facilitators will read this.
check-in-member-label = Member
check-in-member-choose = Choose a member
check-in-subject-label = Subject
check-in-body-label = Message
check-in-send = Send
check-in-title = Check-in
check-in-between = Between { $pseudonym } and the facilitators
check-in-facilitator = facilitator
check-in-reply-label = Your reply
check-in-body-empty = Please write a message.
check-in-body-too-long = This message is too long (20,000 characters at most).
check-in-member-needed = Please choose a member of the group.
check-in-subject-invalid = Please give a subject of at most 120 characters.
group-message-member-link = Write privately to another member
message-new-title = Write to another member
message-new-explain = Only the two of you will read this conversation; the facilitators cannot. If anyone makes you uneasy, tell the facilitators.
message-private-between = A private conversation between two members. The facilitators cannot read it.
message-with = with { $pseudonym }
check-in-closed = No new messages can be added to this conversation.
