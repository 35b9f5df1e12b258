## Parts of every page

product-name = Cohesion
skip-link = Skip to main content
nav-label = Menu
nav-home = Home
nav-get-involved = Get involved
nav-about = About
nav-consultations = Consultations
nav-manage = Manage
language-switcher-label = Language
# Between the items of a list shown in running text.
list-separator = {", "}
# A range of percentages, kept on one line by the page: "27–44%".
percent-range = { $low }–{ $high }%
phase-tag = Beta
phase-text = This is a new service. Your feedback helps us improve it.
# Links the phase banner to the page's "Is this page useful?" form.
phase-feedback-link = Tell us if this page is useful
footer-heading = Support links
footer-accessibility = Accessibility statement
footer-privacy = Privacy notice
footer-cookies = Cookies
footer-about = About this site
footer-licence = Built with Cohesion, open-source software for community-led programmes.
page-title = { $page } – { $site }

## "Is this page useful?"

feedback-question = Is this page useful?
feedback-yes = Yes
feedback-yes-hidden = this page is useful
feedback-no = No
feedback-no-hidden = this page is not useful
feedback-thanks = Thank you for your feedback.
feedback-count = { $count ->
    [one] So far, { $count } person has found this page useful.
   *[other] So far, { $count } people have found this page useful.
}

## Signing in and out, in the header

nav-sign-in = Sign in
nav-sign-out = Sign out
nav-notifications = Notifications
nav-notifications-unread = { $count ->
    [one] Notifications (1 unread)
   *[other] Notifications ({ $count } unread)
}
# Said when there are more unread than are counted: $count is 99.
nav-notifications-unread-more = Notifications ({ $count }+ unread)
signed-in-as = Signed in as { $name }

## Forms: the error summary, fields and words every form uses

error-summary-title = There is a problem
error-prefix = Error:
warning-prefix = Warning
change = Change
save = Save
back = Back
none = None
yes = Yes
no = No
optional = Optional
filter = Filter

## What the character count says as people type (GOV.UK Frontend's script,
## which chooses among the plural forms itself)

character-count-under-limit = { $count ->
    [one] You have { $count } character remaining
   *[other] You have { $count } characters remaining
}
character-count-at-limit = You have 0 characters remaining
character-count-over-limit = { $count ->
    [one] You have { $count } character too many
   *[other] You have { $count } characters too many
}
character-count-words-under-limit = { $count ->
    [one] You have { $count } word remaining
   *[other] You have { $count } words remaining
}
character-count-words-at-limit = You have 0 words remaining
character-count-words-over-limit = { $count ->
    [one] You have { $count } word too many
   *[other] You have { $count } words too many
}
character-count-description = { $count ->
    [one] You can enter up to { $count } character
   *[other] You can enter up to { $count } characters
}

## Success banners and long lists

banner-success = Success
banner-important = Important
pagination-label = Pages
pagination-previous = Previous page
pagination-next = Next page

## Dates and times, as GOV.UK writes them ("4 February 2027 at 5pm")

# A calendar date: $day and $year are numbers, $month a month's name.
date-day = { $day } { $month } { $year }
# A calendar month: $month a month's name, $year a number ("November 2026").
date-month-year = { $month } { $year }
date-month-1 = January
date-month-2 = February
date-month-3 = March
date-month-4 = April
date-month-5 = May
date-month-6 = June
date-month-7 = July
date-month-8 = August
date-month-9 = September
date-month-10 = October
date-month-11 = November
date-month-12 = December
date-at-time = { $date } at { $time }
# A span of time: two dates with times; when both fall on one day,
# the day once ($day) and the two times.
date-range = from { $opens } to { $closes }
date-range-same-day = on { $day } from { $opens } to { $closes }
# The 12-hour clock; $minute always has two digits.
time-am = { $hour }am
time-am-minutes = { $hour }:{ $minute }am
time-pm = { $hour }pm
time-pm-minutes = { $hour }:{ $minute }pm
time-midday = midday
time-midnight = midnight
# The site's time zone named for people: one message per zone
# (time-zone- and its tz database name, lower case, "/" and "_" as "-"),
# else the tz database name.
time-zone-europe-london = UK time
time-zone-other = { $zone } time
# An officer entered a time the clocks skip, or show twice.
clock-change-forward = The clocks go forward at { $time } on { $date }: choose a time before { $first } or from { $safe }
clock-change-back = The clocks go back at { $time } on { $date }, so times from { $first } until { $safe } happen twice: choose a time before { $first } or from { $safe }

## Error pages

error-home-link = Go to the home page
error-back-link = Go back to the page you were on
error-form-expired-title = This form has expired
error-form-expired-text = The form was open for too long, or it was sent twice (by pressing its button twice, or by going back and sending it again). If it was sent twice, the first sending counted. Go back, reload the page to see how things stand and try again if you need to.
error-reference = If you contact us about this, quote reference { $reference }.
error-400-title = There is a problem with your request
error-400-text = The information sent to us could not be understood. Check it and try again.
error-403-title = You cannot do that
error-403-text = You do not have permission to do this, or the request did not come from this website.
error-403-help = If you need to do this for your work, ask an administrator of this site to give your account the role it needs: officers run consultations, analysts read the answers and their figures. Staff find the pages open to them under Manage.
error-manage-link = Go to Manage
error-404-title = Page not found
error-404-text = If you typed the web address, check it is correct. If you pasted the web address, check you copied the entire address.
error-405-title = That action is not available here
error-405-text = This page cannot be used that way.
error-408-title = The request took too long
error-408-text = We stopped waiting for your request. Try again.
error-413-title = What you sent is too large
error-413-text = The information you sent is larger than we accept. Send less and try again.
error-415-title = We cannot read what you sent
error-415-text = The information was sent in a format this page does not accept.
error-422-title = There is a problem with what you entered
error-422-text = Check your answers and try again.
error-429-title = Too many requests
error-429-text = { $minutes ->
    [one] You have made too many requests. Try again in about a minute.
   *[other] You have made too many requests. Try again in about { $minutes } minutes.
}
try-again-in = { $minutes ->
    [one] Try again in about a minute.
   *[other] Try again in about { $minutes } minutes.
}
error-500-title = Sorry, there is a problem with the service
error-500-text = Try again later. Nothing you sent has been saved.
error-503-title = Sorry, the service is unavailable
error-503-text = Nothing you sent has been saved. Try again in a moment.

## Reasons behind an error, by code

reason-invalid_utf8 = The request contained characters we could not read.
reason-nul_character = The request contained a null character, which no text on this site can hold.
reason-query_too_long = Something in the page address is too long: use at most 1,000 characters.
reason-unknown_locale = We do not have that language. Choose one from the language menu.
reason-unknown_page = That page does not exist.
reason-invalid_choice = Choose one of the options given
reason-field_required = Answer the question
reason-cross_site_request = The form was sent from another website.
reason-bad_request = The request was not in the form we expected.
reason-field_too_long = This is too long
reason-field_too_long-limit = This must be { $limit } characters or fewer
reason-csrf_token_invalid = The form has expired. Go back, reload the page and try again.
reason-sign_in_required = Sign in to do this
reason-forbidden = You do not have permission to do this
reason-not_found = We could not find that

## Far-reaching actions ask first (ADR 22)

confirm-title = Are you sure?
cancel = Cancel
confirm-cannot-undo = This cannot be undone.
error-409-title = This has already changed
error-409-text = What you asked for no longer matches how things stand, perhaps because the form was sent twice. Go back and reload the page to see how things are now.
error-410-title = This is no longer available
error-410-text = What was here has been taken down.
