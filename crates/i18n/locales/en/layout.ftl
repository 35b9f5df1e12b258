## Parts of every page

product-name = Cohesion
skip-link = Skip to main content
nav-label = Menu
nav-home = Home
nav-get-involved = Get involved
nav-about = About
language-switcher-label = Language
# Between the items of a list shown in running text.
list-separator = {", "}
phase-tag = Beta
phase-text = This is a new service. Your feedback helps us improve it.
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
