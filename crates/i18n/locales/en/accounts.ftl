## Accounts

nav-sign-in = Sign in
nav-sign-out = Sign out
signed-in-as = Signed in as { $name }
error-summary-title = There is a problem
sign-up-title = Create an account
sign-up-lead = You need an account to respond to consultations, join discussions and apply for grants.
field-email = Email address
field-email-hint = We will send you a link to confirm it.
field-display-name = Display name
field-display-name-hint = Shown beside what you write. It cannot be a staff title.
field-password = Password
field-password-hint = At least 12 characters. A few unrelated words make a strong password.
sign-up-button = Create account
sign-up-have-account = Already have an account?
check-email-title = Check your email
check-email-text = If the address you gave can receive email, we have sent a message to it. Open the link in it within 24 hours to finish.
verified-title = Email address confirmed
verified-text = Thank you. You can now sign in.
verify-failed-title = This link does not work
verify-failed-text = The link may have been used already, or it may have expired. Sign in, or create an account again.
sign-in-title = Sign in
sign-in-button = Sign in
sign-in-no-account = No account yet?
create-account-link = Create an account
error-401-title = Sign-in failed
error-401-text = Check your email address and password and try again.

## Reasons for account errors

reason-invalid_email = Enter an email address in the correct format, like name@example.org
reason-password_too_short = Your password must be at least 12 characters long
reason-password_too_long = Your password must be 256 characters or fewer
reason-password_too_common = This password is too common or too easy to guess. Choose another
reason-display_name_too_short = Your display name must be at least 2 characters long
reason-display_name_reserved = A display name cannot look like a staff title, such as "Moderator" or "City Hall"
reason-display_name_invisible_characters = Your display name contains hidden characters. Type it again
reason-field_too_long = This is too long
reason-invalid_credentials = The email address or password is not right
reason-account_suspended = This account is suspended
reason-invalid_token = The link does not work
reason-csrf_token_invalid = The form has expired. Go back, reload the page and try again.

## Emails

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
error-prefix = Error:
