# Hearth: English. Every key here must also exist in ../fr/main.ftl.

## Layout
skip-to-content = Skip to content
quick-exit = Quick exit
footer-quick-exit = To leave quickly, use “Quick exit” at the top of any page, or press Shift three times.
nav-label = Main
nav-home = Home
nav-account = Account
nav-invites = Invites
nav-search = Search
nav-notifications = Notifications
nav-unread = unread
nav-check-ins = Check-ins
nav-organisations = Organisations
footer-resources = Resources: support services and crisis lines
sign-out = Sign out

## Fields
field-pseudonym = Pseudonym
field-password = Password
field-current-password = Current password
field-new-password = New password
field-recovery-code = Recovery code

## Sign-in
sign-in-title = Sign in
sign-in-submit = Sign in
sign-in-forgot = Forgot your password?
sign-in-invite-only = This space is by invitation only. To join, you need an invite link from the organisation that runs it.
sign-in-failed = That pseudonym and password don’t match. Check them and try again.

## Home
home-title = Home
home-signed-in-as = You are signed in as { $pseudonym }.
home-previous-sign-in = Before this, your account last signed in on { $time }. If that wasn’t you, change your password in your account settings.
home-first-sign-in = This is the first time your account has signed in.
home-account-link = Account settings

## Joining
join-consent-title = Before you join
join-consent-intro = Please read what this space keeps about you and who can see it. You decide whether to join.
join-stored-title = What we keep
join-never-title = What we never ask for or keep
join-never-stored = Your real name, e-mail address, phone number, location or internet (IP) address. Nothing is sent to other companies: no ads, no tracking, no analytics.
join-who-title = Who can see what
join-who-members = Members of a group see your pseudonym and what you write in that group.
join-who-staff = The group’s facilitators (staff of the organisation) see the same, and can moderate posts to keep the group safe.
join-who-admin = The person who runs this server can see the list of pseudonyms, but not your password.
join-device-title = On this device
join-device = If someone else uses this device, use a private window, don’t let the browser save your password, and use “Quick exit” if you need to leave fast.
join-consent-agree = I have read this and I agree to join.
join-consent-required = Please tick the box to say you agree before you continue.
join-continue = Continue
join-account-title = Choose your pseudonym and password
join-pseudonym-hint = 3 to 32 characters: letters, numbers, spaces, - _ or . — not your real name, and not a name you use elsewhere.
join-password-hint = At least 12 characters. A few unrelated words are easy to remember and hard to guess. Pasting is fine.
join-create = Create my account

## Pseudonym and password rules
pseudonym-too-short = A pseudonym needs at least 3 characters.
pseudonym-too-long = A pseudonym can have at most 32 characters.
pseudonym-bad-character = A pseudonym can only have letters, numbers, spaces, and the signs - _ and .
pseudonym-reserved = That pseudonym could be mistaken for staff. Please choose another.
pseudonym-taken = That pseudonym, or one that looks just like it, is already taken. Please choose another.
password-too-short = A password needs at least 12 characters.
password-too-long = A password can have at most 128 characters.
password-guessable = That password would be easy to guess. Try a few unrelated words together.
password-guessable-common = That password is one that many people use, so it is tried first. Try a few unrelated words together.
password-guessable-pattern = That password follows a pattern (like keys in a row, repeats or sequences) that is easy to guess. Try a few unrelated words together.
password-guessable-date = Dates and years are easy to guess. Try a few unrelated words together.
password-guessable-words = A single word or name is easy to guess, even with small changes. Try a few unrelated words together.
password-current-wrong = Your current password isn’t right.
password-changed = Your password has been changed. Any other sessions have been signed out.

## Invites
invite-unusable-title = This invite can’t be used
invite-unusable = This invite link may have been used already, have expired, or have been withdrawn. Please ask the person who gave it to you for a new one.
invites-title = Invites
invites-new-link = New invite link. Copy it now: it won’t be shown again.
invites-create-title = Create an invite
invites-expires-label = Valid for
invites-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
invites-note-label = Note for staff (optional)
invites-note-hint = Who it is for, in words only staff will understand. Don’t write a real name.
invites-create-submit = Create invite
invites-list-title = Recent invites
invites-none = No invites yet.
invites-col-created = Created
invites-col-expires = Expires
invites-col-note = Note
invites-col-status = Status
invites-col-action = Action
invites-revoke = Withdraw
invite-status-active = Waiting to be used
invite-status-used = Used
invite-status-expired = Expired
invite-status-revoked = Withdrawn
invite-form-invalid = Choose how long the invite is valid, and keep the note under 200 characters.

## Recovery codes
codes-title = Recovery codes
codes-welcome = Welcome, { $pseudonym }. Your account is ready.
codes-why = There is no e-mail here, so these codes are the way back in if you forget your password. Each one works once. Write them down, or keep them where only you can reach them, not on a device someone else uses.
codes-once = These codes won’t be shown again.
codes-continue = I have kept my codes, continue

## Recovery
recover-title = Forgot your password
recover-intro = Enter your pseudonym, one of your recovery codes, and a new password. Every session of your account will be signed out.
recover-submit = Set my new password
recover-failed = That pseudonym and recovery code don’t match, or the code was already used.
recover-done = Your password has been changed and every session has been signed out. You can sign in with your new password.

## Account settings
settings-title = Account settings
settings-save = Save
settings-language-title = Language
settings-language-label = Language of this site
settings-language-auto = Same as my browser
settings-password-title = Change your password
settings-password-submit = Change password
settings-password-ends-sessions = Changing your password signs out your account everywhere else.
settings-codes-left = { $count ->
    [one] You have { $count } unused recovery code.
   *[other] You have { $count } unused recovery codes.
}
settings-codes-submit = Make new codes (the old ones stop working)

## Errors
error-title = We couldn’t do that
error-go-home = Go to the home page
error-reference = If this keeps happening, tell the people who run this space this reference: { $id }
error-not-found = There is nothing at this address.
error-bad-request = Something in that request wasn’t right. Please go back and try again.
error-csrf = This form has expired or didn’t come from this site. Please go back, reload the page and try again.
error-rate-limited = There have been too many attempts. Please wait a minute, then try again.
error-too-large = That was too long to send. Please shorten it and try again.
error-internal = Something went wrong on our side. Nothing you did caused it. Please try again in a moment.

invites-groups-legend = Groups the person joins
invites-groups-optional = Leave all unticked for an invite into no group (for example, for new staff).
invite-group-needed = Please choose at least one group.
join-groups-title = Join these groups
join-groups-explain = This invite adds you to these groups, with the account you are signed in with. Each group asks you to accept its agreements first.
join-groups-submit = Join with this account
join-groups-other-account = To join with a separate account instead, sign out first, then open the invite again.
