# Hearth: English, safety and privacy. Every key here must also exist in ../fr/safety.ftl.

## Layout
footer-safety = Staying safe on this device
print-notice = This page can’t be printed. What people share here stays here.

## Sign-in
sign-in-remember = Keep me signed in on this device
sign-in-remember-hint = Only on a device no one else uses. Otherwise you are signed out when you close the browser.
notes-sign-in-intro = Sign in to your notes.
notes-field-name = Name
sign-in-code-title = Enter your code
sign-in-code-intro = Your password is right. Now enter the 6-digit code your authenticator app shows for this account.
sign-in-code-hint = Lost your phone? Enter one of your recovery codes instead.
sign-in-code-restart = Start again

## Two-factor
two-factor-title = Two-factor sign-in
two-factor-why = With two-factor sign-in, someone who learns your password still can’t get in without the code from your phone. It is optional for members.
two-factor-required = Staff accounts must use two-factor sign-in before doing anything else here. It protects the members whose words you can read.
two-factor-required-hint = Until it is set up, you can only sign out, leave quickly or read the safety page.
two-factor-is-on = Two-factor sign-in is on. You will be asked for a code from your authenticator app each time you sign in.
two-factor-codes-left = { $count ->
    [one] If you lose your phone, a recovery code works instead of the app’s code. You have { $count } left.
   *[other] If you lose your phone, a recovery code works instead of the app’s code. You have { $count } left.
}
two-factor-codes-link = Make new recovery codes
two-factor-set-up-title = Set it up
two-factor-replace-title = Use a new phone or app
two-factor-step-app = Open an authenticator app on your phone (for example Aegis, FreeOTP, Google Authenticator or your password manager).
two-factor-step-scan = Add an account: scan the square code, or type the key shown under it.
two-factor-step-code = Enter the 6-digit code the app now shows.
two-factor-key-label = Key:
two-factor-code-label = Code
two-factor-code-wrong = That code isn’t right, or it was already used. Wait for the next one and try again.
two-factor-set-up-submit = Turn on two-factor sign-in
two-factor-replace-submit = Use this app instead
two-factor-off-title = Turn it off
two-factor-off-submit = Turn off two-factor sign-in

## Sessions
sessions-title = Where you are signed in
sessions-intro = Every browser signed in to your account. Only a rough description of each is kept, never its address.
sessions-this-device = This device
sessions-remembered = Stays signed in
sessions-started = Signed in on { $time }
sessions-last-active = Last active { $time }
sessions-end = Sign out
sessions-end-others = Sign out everywhere else
sessions-not-you = Don’t recognise one? Sign it out and change your password.
sessions-back = Back to account settings
device-on = { $browser } on { $system }
device-unknown-browser = Unknown browser
device-unknown-system = unknown system

## Safety page
safety-title = Staying safe on this device
safety-intro = Someone else may use the device you read this on, or look at it later. Here is what you can do, and what this site does for you.
safety-history = Browsing history
safety-history-text = Your browser remembers the pages you visit. To remove them, open its history (often Ctrl+H, or “History” in the menu) and delete the entries for this site, or clear all recent history. This site asks browsers not to keep copies of its pages, but the history list is the browser’s own.
safety-private = Private windows
safety-private-text = A private (incognito) window forgets the pages you visited and signs you out when you close it. It is the safest way to come here on a shared device.
safety-quick-exit = Quick exit and its limits
safety-quick-exit-text = “Quick exit” at the top of every page, or pressing Shift three times, leaves at once for a neutral site and signs you out. It replaces this page in the history, but it cannot erase pages you visited before it: clear those from the history, or use a private window.
safety-shared-device = Sharing a device
safety-shared-device-text = Sign out when you are done. Leave “Keep me signed in” unticked on a device someone else uses. The sessions page in your account shows every place you are signed in, and can sign them out.
safety-passwords = Password managers
safety-passwords-text = On a shared device, don’t let the browser save your password: anyone who opens the browser could see it or sign in. Choose “Never” when it asks.
safety-discreet = Discreet mode
safety-discreet-text = In discreet mode, page titles and tabs show only a neutral name, so a glance at the screen, the tab bar or the history says little. Turn it on in your account settings.
safety-staff = Staff never ask for your password
safety-staff-text = No one who runs this space will ever ask for your password or your recovery codes, by any means. If someone does, it is not us: don’t answer, and tell a facilitator.
safety-authenticator = Authenticator apps
safety-authenticator-text = If you use two-factor sign-in, your authenticator app shows a name for this site. In discreet mode it is the neutral name. Anyone who opens the app on your phone can see that entry.

## Account settings
settings-privacy-title = Privacy and security
settings-on = On
settings-off = Off
discreet-legend = Discreet mode
discreet-hint = Page titles, tabs and the top of each page show only “{ $name }”, so the screen or the browser history says little about this site.
discreet-default = As this site is set up
discreet-on = Always on
discreet-off = Off

## A group's privacy options
group-staff-privacy = Privacy: retention, copying, watermark
privacy-title = Privacy options
privacy-intro = Choose how long this group keeps what members write, and whether to discourage copying and screenshots. Members see these choices with the group’s agreements.
privacy-retention-label = Delete posts after this many days
privacy-retention-hint = From { $min } to { $max } days. Leave it empty to keep them as long as this site allows ({ $max } days).
privacy-retention-hint-unlimited = At least { $min } days. Leave it empty to keep them until they are deleted.
privacy-retention-invalid = Please enter a number of days within the limits shown, or leave it empty.
privacy-copying-label = Discourage copying
privacy-copying-hint = The text of posts can’t be selected to copy. It doesn’t stop a determined person, but reminds everyone of the agreements. Writing is never affected.
privacy-watermark-label = Watermark every page with the reader’s pseudonym
privacy-watermark-hint = Each member sees their own pseudonym faintly across the group’s pages, so a screenshot shows who took it.
privacy-keeps-days = { $days ->
    [one] Posts in this group are deleted { $days } day after they are written.
   *[other] Posts in this group are deleted { $days } days after they are written.
}
privacy-keeps-forever = Posts in this group are kept until their author or the group’s staff delete them.
privacy-ended-deleted = The group ends on a set date; all its conversations are deleted on { $date }.
privacy-agreement-title = What this group keeps, and how it protects your words
privacy-agreement-copying = The text of posts can’t be selected to copy, as a reminder not to save what others share.
privacy-agreement-watermark = Your pseudonym appears faintly across the group’s pages, so a screenshot would show who took it. Please don’t take any.

## Erasing an account
erase-title = Erase my account
erase-settings-intro = You can erase your account at any time. You choose what happens to what you wrote.
erase-settings-link = Erase my account…
erase-intro = This can’t be undone. Once your account is erased, no one can bring it back, not even the people who run this space.
erase-member-title = Erase { $pseudonym }’s account
erase-member-intro = Only do this when the member has asked for it. It can’t be undone.
erase-always = Either way, the pseudonym, password, recovery codes, sessions, reactions, reading marks, notifications, private check-ins and group memberships are deleted at once.
erase-posts-legend = What happens to the posts
erase-posts-delete = Delete all the posts
erase-posts-delete-hint = Their words are removed for good. Conversations started from this account are deleted with their replies.
erase-posts-keep = Keep the posts, signed “former member”
erase-posts-keep-hint = The words stay for the group, but no name is shown with them.
erase-confirm = I understand that my account will be erased for good.
erase-member-confirm = The member asked for their account to be erased.
erase-submit = Erase the account
erase-choose = Please choose what happens to the posts.
erase-confirm-needed = Please tick the box to confirm.
erased-title = The account is erased
erased-text = The account and what you chose to delete are gone. You have been signed out everywhere.
erased-browser = The browser may still remember this site in its history.
erase-member-link = Erase { $pseudonym }’s account (on their request)

## What Hearth stores (the consent page and the README)
inventory-account = Your pseudonym, your language and display choices, when your account last signed in, and whether the facilitators banned it.
inventory-account-who = Members and staff of your groups see your pseudonym; the person who runs this server sees the list of pseudonyms.
inventory-account-kept = Until you erase your account. A banned account stays, pseudonym included, until a lead lifts the ban, so the name cannot simply be taken again.
inventory-secrets = Your password and recovery codes, scrambled so that no one can read them; if you turn on two-factor sign-in, the key your authenticator app shares with this site; and a password-reset link staff made for you, scrambled too.
inventory-secrets-who = No one. (Staff see a reset link once, when they make it, to hand it to you.)
inventory-secrets-kept = Until you change them or erase your account. A reset link: when it is used, or { $reset } hours after it was made.
inventory-sessions = For each browser signed in to your account: a rough description (like “Firefox on Android”), when it signed in and when it was last active. Never your internet address.
inventory-sessions-who = Only you, on your sessions page.
inventory-sessions-kept = When you sign out, after { $idle } minutes without activity, or { $hours } hours after signing in at the latest. A sign-in waiting for its two-factor code: after { $challenge } minutes.
inventory-memberships = Which groups you belong to or asked to join, which version of their agreements you accepted, the invite you came with (with the note staff wrote on it), and a suspension from a group.
inventory-memberships-who = The group’s facilitators and its organisation’s lead.
inventory-memberships-kept = When you leave the group, are removed or not let in, or erase your account. A used or expired invite: { $invite } days later.
inventory-posts = What you write in your groups (posts waiting for the facilitators’ review, or sent back to you, included), and your supportive reactions.
inventory-posts-who = Members and staff of the group; a post waiting for review, sent back or hidden: only you and the group’s staff. Staff see who reacted.
inventory-posts-kept = When you delete it, when you erase your account, and by the group’s retention: at most { $max } days after it was written (each group chooses, from { $min } days). In a group with an end date, everything goes { $ended } days after it ends.
inventory-posts-kept-unlimited = When you delete it, when you erase your account, or by the group’s retention if it sets one (from { $min } days). In a group with an end date, everything goes { $ended } days after it ends.
inventory-check-ins = Private conversations with a group’s facilitators (or with another member, where the group allows it).
inventory-check-ins-who = You and the group’s facilitators and lead; a conversation between two members, only those two.
inventory-reads = Which posts you have read, and your notifications in this site (there is no e-mail).
inventory-reads-who = Only you.
inventory-reads-kept = With the posts they point to, or when you erase your account.
inventory-groups = How each group is run: its name, purpose, schedule, agreements, resources, moderation settings and word lists, and who its staff are; the partner organisations that may invite into it; changes of role waiting for a second person.
inventory-groups-who = Members of the group and staff of its organisation; its moderation settings, word lists, partnerships and role changes: its staff only.
inventory-groups-kept = As long as the organisation runs the group. A change of role nobody confirms: after { $request } days.
inventory-redactions = What one of your posts said before the facilitators edited it, and why they did (you are told why).
inventory-redactions-who = The group’s facilitators and lead.
inventory-redactions-kept = With the post itself: when you delete it, when you erase your account, or when the group’s retention deletes the post.
inventory-reports = Reports: which post or conversation a member reported, the reason they chose and what they added; and the flags Hearth raises itself (crisis words, staff word lists).
inventory-reports-who = The group’s facilitators and lead, who see who reported; the person reported is never told who.
inventory-reports-kept = With the post it is about, and by the group’s retention: at most { $max } days after it was made. Reports about someone who erases their account go; one they made stays for staff, without their name or their words.
inventory-reports-kept-unlimited = With the post it is about, or by the group’s retention if it sets one. Reports about someone who erases their account go; one they made stays for staff, without their name or their words.
inventory-notices = What the facilitators tell you they did: let you in or not, approved, sent back or edited a post of yours, suspended or removed you, with their note.
inventory-notices-who = Only you.
inventory-notices-kept = When you erase your account, with the post it is about, and by the group’s retention: at most { $max } days after it was sent.
inventory-notices-kept-unlimited = When you erase your account, with the post it is about, or by the group’s retention if it sets one.
inventory-staff-notes = Short notes the facilitators keep about a member.
inventory-staff-notes-who = The staff of the organisation; never the member, never other members.
inventory-staff-notes-kept = When the member erases their account, and at most { $max } days after they were written (this server’s longest retention).
inventory-staff-notes-kept-unlimited = When the member erases their account.
inventory-audit = The record of what staff did: who, what, to which post, member or group, when, and why.
inventory-audit-who = The organisation’s lead and this server’s admins.
inventory-audit-kept = By the group’s retention: at most { $max } days after the action, and { $max } days for actions outside any group. When someone erases their account, entries about them stay without their name, and a reason that names them is dropped.
inventory-audit-kept-unlimited = By the group’s retention if it sets one. When someone erases their account, entries about them stay without their name, and a reason that names them is dropped.
inventory-who-label = Who can see it:
inventory-kept-label = When it is deleted:
