## Creating an account

sign-up-title = Create an account
sign-up-lead = With an account you can come back to your answers, change them while a consultation is open, and see everything you have sent. Many consultations can also be answered without one.
field-email = Email address
field-email-hint = We will send you a link to confirm it.
field-display-name = Display name
field-display-name-hint = Shown beside what you write. It cannot be a staff title.
field-password = Password
field-password-hint = At least 12 characters. A few unrelated words make a strong password.
sign-up-button = Create account
sign-up-have-account = Already have an account?
sign-up-too-many = Too many accounts have been asked for from here.
check-email-title = Check your email
check-email-text = If the address you gave can receive email, we have sent a message to it. Open the link in it within 24 hours to finish.

## Confirming the email address

verified-title = Email address confirmed
verified-text = Thank you. You can now sign in.
verify-failed-title = This link does not work
verify-failed-text = The link may have been used already, or it may have expired. Sign in, or create an account again.

## Signing in

sign-in-title = Sign in
sign-in-button = Sign in
sign-in-no-account = No account yet?
create-account-link = Create an account
sign-in-forgot = Forgotten your password?
sign-in-too-many = There have been too many wrong attempts to sign in to this account from here.
error-401-title = Sign-in failed
error-401-text = Check your email address and password and try again.

## Resetting a forgotten password

reset-request-title = Reset your password
reset-request-lead = Enter the email address of your account. If it has one, we will send it a link to choose a new password.
reset-request-button = Send the link
reset-sent-text = If the address has an account, we have sent it a link. Open it within 1 hour to choose a new password.
reset-new-title = Choose a new password
reset-new-button = Save the new password
reset-done-title = Your password has been changed
reset-done-text = You have been signed out everywhere. Sign in with your new password.
reset-failed-text = The link may have been used already, or it may have expired. Ask for a new one.

## Your account

account-title = Your account
account-unverified = Your email address is not confirmed yet. Open the link we sent you to confirm it.
account-language = Language
account-language-button = Save language
account-roles = Roles
account-organisations = Your organisations
account-no-organisations = You are not a member of any organisation.
account-sessions = Where you are signed in
account-sessions-lead = If you see a device you do not recognise, sign it out and change your password.
account-sign-out-everywhere = Sign out everywhere
account-your-data = Your data
account-your-data-lead = See everything we hold about you, download it, or delete your account.
account-responses = Your responses
account-no-responses = You have not responded to a consultation yet.
account-find-consultations = Find a consultation
account-response-consultation = Consultation
account-response-reference = Reference
account-response-sent = Sent
account-response-status = Status
account-response-see-answers = See your answers
account-response-can-change = You can still change it
account-response-closed = Closed
account-response-withdrawn = Withdrawn
account-response-withdrawn-note = The council withdrew this consultation, so its page and your answers can no longer be read here. Your response is kept.
account-response-copy = Copy by email
account-copy-sent-on = Sent on { $sent }
account-copy-waiting = Your copy of your answers to “{ $title }” is waiting to be sent to { $email }.
account-copy-no-server = Your copy of your answers to “{ $title }” is waiting to be sent to { $email }: this site has no email server set up yet, so it will go when one is.
account-copy-sent = Your copy of your answers to “{ $title }” was sent to { $email } on { $sent }.
account-data-html = See your data
account-data-json = Download your data (JSON)
done-language = Your language has been saved.

## Where you are signed in

session-device = Device
session-started = Signed in
session-last-seen = Last used
session-actions = Actions
session-this-one = This device
session-end = Sign out
done-session = That device has been signed out.
done-everywhere = You have been signed out everywhere.

## Changing your name, email address and password

change-name-title = Change your display name
change-email-title = Change your email address
change-email-lead = We will send a link to the new address. Your address changes when you open it.
change-password-title = Change your password
field-new-email = New email address
field-current-password = Current password
field-new-password = New password
done-name = Your display name has been changed.
done-email = Check the inbox of the new address and open the link to finish.
done-email-confirmed = Your email address has been changed.
done-password = Your password has been changed. You have been signed out on every other device.

## Your data and deleting the account

data-title = Your data
data-lead = Everything this site holds about you.
data-as-of = Correct at
data-account-id = Account number
data-verified-at = Email confirmed
data-created-at = Created
data-emails = Emails we wrote to you
data-activity = Activity on your account
data-when = When
data-subject = Subject
data-sent = Sent
data-email-status = Status
data-email-sent = Sent
data-email-waiting = Waiting to be sent
data-email-no-server = Waiting to be sent: this site has no email server set up yet, so it will go when one is
data-email-given-up = Could not be sent
# What the activity on your account records, as a sentence: one per
# audit log action ($who is "you" when you did it, else "other").
activity-account-create = You created your account
activity-account-delete = Your account was deleted
activity-account-email-change = You changed your email address
activity-account-email-change-requested = You asked to change your email address
activity-account-end-session = You signed out of another device
activity-account-export = You looked at or downloaded your data
activity-account-password-change = You changed your password
activity-account-password-reset = You set a new password with a reset link
activity-account-reinstate = { $who ->
    [you] You reinstated someone’s account
   *[other] An administrator reinstated your account
}
activity-account-rename = You changed your display name
activity-account-reset-requested = A link to reset your password was asked for
activity-account-sign-in = You signed in
activity-account-sign-out-everywhere = You signed out on every device
activity-account-suspend = { $who ->
    [you] You suspended someone’s account
   *[other] An administrator suspended your account
}
activity-account-verify-email = You confirmed your email address
activity-consultation-create = You created a consultation
activity-help-route-edit = You changed a help route
activity-help-service-save = You saved a help service
activity-help-service-retire = You stopped showing a help service
activity-help-exit-change = You changed where “Exit this page” goes
activity-area-add = You added a local area
activity-area-rename = You renamed a local area
activity-area-retire = You retired a local area
activity-consultation-publish = You published a consultation
activity-consultation-results-publish = You published a consultation’s results
activity-consultation-results-withdraw = You withdrew a consultation’s results
activity-consultation-stages = You changed a consultation’s timeline
activity-consultation-survey = You changed a consultation’s survey
activity-consultation-translate = You translated a consultation
activity-consultation-unpublish = You withdrew a consultation
activity-consultation-update = You changed a consultation’s details
activity-consultation-wording = You fixed the wording of a consultation’s survey
activity-community-message-create = You wrote a community message
activity-community-message-send = You sent a community message, or set when it goes out
activity-community-message-translate = You translated a community message
activity-community-message-update = You changed a community message
activity-community-subscription-confirm = A subscription to community messages was confirmed
activity-community-subscription-unsubscribe = A subscription to community messages was ended
activity-discussion-create = You created a discussion
activity-discussion-close = You closed a discussion before its closing date
activity-discussion-update = You changed a discussion’s details
activity-discussion-publish = You published a discussion
activity-discussion-translate = You translated a discussion
activity-discussion-unpublish = You withdrew a discussion
activity-moderation-approve = You approved a comment
activity-moderation-hide = You hid a comment
activity-moderation-restore = You restored a hidden comment
activity-moderation-redact = You removed personal information from a comment
activity-moderation-warn = You warned a comment’s author
activity-moderation-suspend = You suspended a member from commenting
activity-discussion-statements-stage = You added or removed a discussion’s statements stage
activity-discussion-statement-seed = You added a starting statement to a discussion’s statements stage
activity-discussion-votes-export = You downloaded a discussion’s statements and votes
activity-moderation-statement-approve = You approved a statement
activity-moderation-statement-hide = You hid a statement
activity-moderation-escalate = You escalated a comment to a senior moderator
activity-moderation-outside-action = You recorded action taken outside the platform
activity-moderation-appeal = You appealed a moderation decision
activity-moderation-appeal-upheld = You upheld a moderation decision on appeal
activity-moderation-appeal-overturned = You overturned a moderation decision on appeal
activity-moderation-word-add = You added an entry to the moderators’ word list
activity-moderation-word-remove = You removed an entry from the moderators’ word list
activity-discussion-import = You imported a discussion from a file
activity-finding-add = You added a finding
activity-finding-publish = You published a finding
activity-finding-remove = You removed a finding
activity-finding-withdraw = You withdrew a finding
activity-finding-what-we-did = You wrote what we did in response to a finding
activity-organisation-invite = You invited someone to an organisation
activity-organisation-join = You joined an organisation
activity-organisation-register = You registered an organisation
activity-outbox-view = You read the email outbox
activity-responses-export = You downloaded a consultation’s responses
activity-response-copy = You asked for a copy of your answers to a consultation
activity-response-copy-to = You asked for a copy of your answers to “{ $title }”
activity-response-submit = You sent your answers to a consultation
activity-response-submit-to = You sent your answers to “{ $title }”
activity-role-grant = { $who ->
    [you] You gave someone a role
   *[other] An administrator gave you a role
}
activity-role-revoke = { $who ->
    [you] You withdrew someone’s role
   *[other] An administrator withdrew one of your roles
}
activity-special-category-export = You downloaded answers holding special-category data
activity-special-category-view = You looked at answers holding special-category data
activity-themes-add = You added a theme
activity-themes-confirm = You confirmed a set of themes
activity-themes-delete = You deleted a theme
activity-themes-map = You sorted written answers into themes
activity-themes-merge = You merged themes
activity-themes-rename = You renamed a theme
activity-themes-review = You chose the themes of a written answer
activity-themes-run = You looked for themes in written answers
activity-themes-split = You split a theme
# The detail beside an action on "your data", where the log holds fixed
# words or a number.
activity-detail-signed-up = Signed up
activity-detail-signed-in = Signed in
activity-detail-email-verified = Email address confirmed
activity-detail-password-changed = Password changed
activity-detail-email-change-requested = Change of email address asked for
activity-detail-email-changed = Email address changed
activity-detail-data-viewed = Looked at on this site
activity-detail-data-downloaded = Downloaded as a file
activity-detail-reset-link-sent = Reset link emailed
activity-detail-password-reset = New password set
activity-detail-name-changed = Display name changed
activity-detail-sessions-ended = Every session ended
activity-detail-answers-sent = Sent for the first time
activity-detail-answers-changed = Changed and sent again
activity-detail-copy-asked = By email, to your confirmed address
activity-detail-joined = Joined
activity-detail-suspended = Account suspended
activity-detail-reinstated = Account reinstated
activity-detail-role = Role: { $role }
activity-detail-session = Session { $session }
activity-detail-invitation = Invitation { $invitation }
activity-tension-report-read = You read a tension report’s text
activity-tension-reports-delete-texts = Tension report texts were deleted after the retention period
activity-tension-settings-save = You changed the tension report settings
activity-tension-counts-export = You downloaded the tension report counts
delete-title = Delete your account
delete-lead = Your email address, name, password and sessions are erased at once. This cannot be undone.
delete-warning = Deleting your account cannot be undone.
delete-contributions = What should happen to what you wrote?
delete-keep = Keep it, shown as written by “Anonymous – account deleted”
delete-remove = Remove it, leaving a note that it was removed (replies by others stay)
delete-password-hint = Enter your password to confirm it is you.
delete-button = Delete my account
deleted-title = Your account has been deleted
deleted-text = We have erased your personal data. Thank you for taking part.
account-deleted-name = Anonymous – account deleted
removed-contribution = This contribution was removed by its author.

## Roles

role-resident = Resident
role-organisation_member = Organisation member
role-moderator = Moderator
role-senior_moderator = Senior moderator
role-officer = Officer
role-analyst = Analyst
role-grant_assessor = Grant assessor
role-grant_administrator = Grant administrator
role-elected_member = Elected member
role-administrator = Administrator
role-tension_reader = Tension reader
role-grant = Make them { $as_role }
# A role after "make someone …", with its article: "an analyst".
role-as-resident = a resident
role-as-organisation_member = an organisation member
role-as-moderator = a moderator
role-as-senior_moderator = a senior moderator
role-as-officer = an officer
role-as-analyst = an analyst
role-as-grant_assessor = a grant assessor
role-as-grant_administrator = a grant administrator
role-as-elected_member = an elected member
role-as-administrator = an administrator
role-as-tension_reader = a tension reader
role-remove = Withdraw the { $role_name } role
# A role named mid-sentence: "the analyst role".
role-name-resident = resident
role-name-organisation_member = organisation member
role-name-moderator = moderator
role-name-senior_moderator = senior moderator
role-name-officer = officer
role-name-analyst = analyst
role-name-grant_assessor = grant assessor
role-name-grant_administrator = grant administrator
role-name-elected_member = elected member
role-name-administrator = administrator
role-name-tension_reader = tension reader

## Administration: people and their roles

admin-title = Administration
people-title = People
people-search = Name or email address
people-search-hint = Part of a name or address is enough.
people-any-role = Any role
people-results = People found
people-none = No one matches.
people-status = Status
status-active = Active
status-unverified = Email not confirmed
status-suspended = Suspended
person-title = Person
person-lead = Roles decide what a person may do. Staff roles are shown beside their name.
person-suspend = Suspend account
person-reinstate = Reinstate account
person-audit-link = See the audit log for this person
done-role = The roles have been changed.
done-role-granted = { $name } is now { $as_role }.
done-role-withdrawn = { $name } is no longer { $as_role }.
done-suspension = The account has been updated.

## Administration: the audit log

audit-title = Audit log
audit-lead = Every privileged action, who took it, when and from where. Entries cannot be changed or deleted. What people do as respondents (sending answers, asking for a copy) is not listed: it is theirs, in their own “Your data”.
audit-entries = Entries
audit-none = No entries match.
audit-action = Action
audit-any-action = Any action
# When the By or On filter’s name or address matches nobody, or several.
audit-nobody = Nobody’s name or email address matches what you entered. Check it, or enter their email address.
audit-several = More than one person matches what you entered. Enter their email address.
audit-actor = By (name, email address or account number)
audit-subject = On (name, email address, or account or item number)
audit-detail = Detail
audit-client = From
audit-by = By
audit-on = On
audit-system = The system
audit-deleted-account = A deleted account
audit-unnamed = An account without a name
audit-do-account-create = Created an account
audit-do-account-delete = Deleted an account
audit-do-account-email-change = Changed an email address
audit-do-account-email-change-requested = Asked to change an email address
audit-do-account-end-session = Signed out of another device
audit-do-account-export = Looked at or downloaded their data
audit-do-account-password-change = Changed a password
audit-do-account-password-reset = Set a new password with a reset link
audit-do-account-reinstate = Reinstated an account
audit-do-account-rename = Changed a display name
audit-do-help-route-edit = Changed a help route
audit-do-help-service-save = Saved a help service
audit-do-help-service-retire = Stopped showing a help service
audit-do-help-exit-change = Changed where “Exit this page” goes
audit-do-area-add = Added a local area
audit-do-area-rename = Renamed a local area
audit-do-area-retire = Retired a local area
audit-do-account-reset-requested = Asked for a link to reset a password
audit-do-account-sign-in = Signed in
audit-do-account-sign-out-everywhere = Signed out on every device
audit-do-account-suspend = Suspended an account
audit-do-account-verify-email = Confirmed an email address
audit-do-discussion-import = Imported a discussion from a file
audit-do-community-message-create = Wrote a community message
audit-do-community-message-send = Sent a community message, or set when it goes out
audit-do-community-message-translate = Translated a community message
audit-do-community-message-update = Changed a community message
audit-do-community-subscription-confirm = Confirmed a subscription to community messages
audit-do-community-subscription-unsubscribe = Unsubscribed from community messages
audit-do-discussion-create = Created a discussion
audit-do-discussion-close = Closed a discussion before its closing date
audit-do-discussion-publish = Published a discussion
audit-do-discussion-translate = Translated a discussion
audit-do-discussion-unpublish = Withdrew a discussion
audit-do-discussion-update = Changed a discussion’s details
audit-do-organisation-invite = Invited someone to an organisation
audit-do-organisation-join = Joined an organisation
audit-do-organisation-register = Registered an organisation
audit-do-outbox-view = Read the email outbox
audit-do-role-grant = Gave a role
audit-do-role-revoke = Withdrew a role
audit-do-moderation-approve = Approved a comment
audit-do-moderation-hide = Hid a comment
audit-do-moderation-restore = Restored a hidden comment
audit-do-moderation-redact = Removed personal information from a comment
audit-do-moderation-warn = Warned a comment’s author
audit-do-moderation-suspend = Suspended a member from commenting
audit-do-discussion-statements-stage = Added or removed a discussion’s statements stage
audit-do-discussion-statement-seed = Added a starting statement to a discussion
audit-do-discussion-votes-export = Downloaded a discussion’s statements and votes
audit-do-moderation-statement-approve = Approved a statement
audit-do-moderation-statement-hide = Hid a statement
audit-do-moderation-escalate = Escalated a comment to a senior moderator
audit-do-moderation-outside-action = Recorded action taken outside the platform on a comment
audit-do-moderation-appeal = Appealed a moderation decision
audit-do-moderation-appeal-upheld = Upheld a moderation decision on appeal
audit-do-moderation-appeal-overturned = Overturned a moderation decision on appeal
audit-do-moderation-word-add = Added an entry to the moderators’ word list
audit-do-moderation-word-remove = Removed an entry from the moderators’ word list
audit-do-tension-report-read = Read a tension report’s text
audit-do-tension-reports-delete-texts = Deleted tension report texts after the retention period
audit-do-tension-settings-save = Changed the tension report settings
audit-do-tension-counts-export = Downloaded the tension report counts

## Administration: the email outbox

outbox-title = Email outbox
outbox-lead = Every email the platform wrote. Without a mail server, messages stay here and are not sent.
outbox-lead-smtp = Every email the platform wrote, and whether it was sent. Email goes out by the mail server, so message text is not shown here.
outbox-sent = Sent
outbox-waiting = Waiting
outbox-no-server = Not sent: no email server is set up
outbox-given-up = Could not be sent
outbox-messages = Messages
outbox-none = No email yet.
outbox-to = To
outbox-body = Message
outbox-body-private = Not shown: a copy of someone’s own answers is for them alone. It is sent when an email server is set up.

## Organisations

organisation-title = Organisation
organisation-register-title = Register an organisation
organisation-register-lead = Register your charity, community group or company to apply for grants on its behalf. You will be its first member.
organisation-register-button = Register organisation
organisation-name = Name of the organisation
organisation-kind = Type of organisation
organisation-registration = Registration number
organisation-registration-hint = Optional. For example a charity or company number.
organisation-org-id = Organisation identifier
organisation-org-id-hint = Optional. From org-id.guide, for example GB-CHC-1234567 for a charity in England and Wales, GB-COH-01234567 for a company, GB-LAE-BIR for a local authority.
organisation-address = Address
organisation-contact-name = Contact name
organisation-contact-email = Contact email address
organisation-contact-phone = Contact telephone
organisation-members = Members
organisation-owner = Can invite
organisation-invitations = Invitations
organisation-accepted = Accepted
organisation-invite-email = Invite someone by email
organisation-invite-hint = They must sign in with this address to join.
organisation-invite-button = Send invitation
kind-charity = Charity
kind-community_group = Community group
kind-company = Company
kind-local_authority = Local authority
kind-other = Other
done-organisation = Your organisation has been registered.
done-invited = The invitation has been sent.

## Joining an organisation

join-title = Join an organisation
join-lead = You have been invited to join an organisation on this site. Members can apply for grants on its behalf.
join-button = Join
done-joined = You have joined the organisation.

## Reasons for account errors

reason-invalid_email = Enter an email address in the correct format, like name@example.org
reason-password_too_short = Your password must be at least 12 characters long
reason-password_too_long = Your password must be 256 characters or fewer
reason-password_too_common = This password is too common or too easy to guess. Choose another
reason-display_name_too_short = Your display name must be at least 2 characters long
reason-display_name_reserved = A display name cannot look like a staff title, such as "Moderator" or "City Hall"
reason-display_name_invisible_characters = Your display name contains hidden characters. Type it again
reason-invalid_credentials = The email address or password is not right
reason-account_suspended = This account is suspended
reason-invalid_token = The link does not work
reason-email_not_verified = Confirm your email address first: open the link we sent you
reason-last_administrator = You are the only administrator. Make someone else an administrator first
reason-cannot_target_self = You cannot do this to your own account. Ask another administrator
reason-invalid_org_identifier = Enter an identifier from a register we know, such as GB-CHC-1234567, GB-COH-01234567 or GB-LAE-BIR
reason-invalid_phone = Enter a telephone number, like 020 7946 0000 or +44 20 7946 0000
reason-confirmation_required = Confirm that you want to do this
reason-already_member = You are already a member
reason-already_registered = This is already registered
# A field's own words for a problem, where the general one would not name it
# (the web kit looks for reason-<field>-<code> first).
reason-password-invalid_credentials = Your password is not right
reason-current_password-invalid_credentials = Your current password is not right
reason-email-field_required = Enter an email address
reason-password-field_required = Enter a password
reason-display_name-field_required = Enter a display name
reason-display_name-field_too_long-limit = Your display name must be { $limit } characters or fewer
reason-new_password-field_required = Enter a new password

## Emails

# The last line of every email: the site's name, as its pages give it.
email-sign-off = This email was sent by { $site }.

email-verify-subject = Confirm your email address
email-verify-body =
    Open this link within 24 hours to confirm your email address:

    { $link }

    If you did not create an account, you can ignore this email.
email-existing-subject = You already have an account
email-existing-body =
    Someone tried to create an account with this email address, but you already have one. Sign in here:

    { $link }

    If this was not you, you do not need to do anything.
email-reset-subject = Reset your password
email-reset-body =
    Open this link within 1 hour to choose a new password:

    { $link }

    If you did not ask for this, you can ignore this email. Your password has not changed.
email-change-subject = Confirm your new email address
email-change-body =
    Open this link within 24 hours to make this your account's email address:

    { $link }

    If you did not ask for this, you can ignore this email.
email-invite-subject = You are invited to join { $organisation }
email-invite-body =
    You have been invited to join { $organisation } on { $site }. Sign in with this email address, then open this link within 7 days:

    { $link }

    If you were not expecting this, you can ignore this email.
email-changed-subject = The email address of your account was changed
email-changed-body =
    The email address of your { $site } account has just been changed to a new address. Emails about your account will go there from now on.

    If you did not do this, someone may be using your account. Reset your password at once:

    { $link }

## Asking before a role or suspension changes (ADR 22)

confirm-role-grant-title = Make { $name } { $as_role }?
confirm-role-grant-lead = { $name } will be able to do everything the { $role_name } role allows:
confirm-role-grant-button = Yes, make them { $as_role }
confirm-role-remove-title = Withdraw the { $role_name } role from { $name }?
confirm-role-remove-lead = { $name } will no longer be able to do what the { $role_name } role allows:
confirm-role-remove-others = They keep whatever their other roles allow.
confirm-role-remove-button = Yes, withdraw the { $role_name } role
confirm-role-administrator = An administrator can see and change everyone's roles, make other administrators, suspend any account and read the audit log and every email the site sends. Only make someone an administrator if you trust them with all of that.
confirm-suspend-title = Suspend { $name }'s account?
confirm-suspend-lead = Suspending the account will, at once:
confirm-suspend-sessions = sign them out everywhere
confirm-suspend-links = cancel any sign-in, password or email links sent to them
confirm-suspend-roles = stop them doing anything but read, whatever roles they hold
confirm-suspend-reinstate = You can reinstate the account later; what they wrote stays as it is.
confirm-suspend-button = Yes, suspend the account
action-participate = take part in consultations and discussions
action-apply_for_grant = apply for grants for their organisation
action-moderate = hide, restore and review reported content
action-decide_escalated = decide comments other moderators escalated, such as threats and terrorist content
action-run_engagement = create, publish and withdraw consultations, their results and findings
action-analyse = see results, written answers and analysis
action-view_special_category = see answers about ethnicity, religion, health and other special categories
action-export_responses = download every response
action-assess_applications = score grant applications
action-decide_applications = run funding rounds and decide grant applications
action-answer_questions = answer questions put to elected members
action-manage_people = find people, grant and remove roles, suspend and reinstate accounts
action-audit = read the audit log and every email the site sends
action-configure_help = change the help routes, their contacts and local services
action-read_tension_reports = read community tension reports and their counts
action-send_community_messages = write and send community messages to subscribers
reason-role_already_held = They already have this role. Nothing was changed.
reason-role_not_held = They do not have this role. Nothing was changed.
reason-already_suspended = This account is already suspended. Nothing was changed.
reason-not_suspended = This account is not suspended. Nothing was changed.
