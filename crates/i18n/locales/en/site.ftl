## Home

home-title = Home
home-heading-unset = Community-led programmes against hate and extremism
home-lead-unset = This site is where residents help their council build safer, stronger communities. The council has not published its programme here yet.
home-run-by = Run by { $organisation }
home-ways-heading = Ways to take part
home-way-consultations = Consultations
home-way-consultations-text = Answer surveys and tell the council what you think before decisions are made.
home-way-discussions = Discussions
home-way-discussions-text = Join moderated conversations on questions the council has asked.
home-way-questions = Questions to elected officials
home-way-questions-text = Read questions put to elected officials and the answers they gave.
home-way-grants = Small grants
home-way-grants-text = Community groups can apply for funding for projects that bring people together.
home-get-involved-link = See everything you can take part in

## Get involved

get-involved-title = Get involved
get-involved-lead = What you can take part in now, what opens soon, and what closed recently.
get-involved-discussions = Discussions
get-involved-discussions-empty = There are no open discussions at the moment.
get-involved-questions = Questions to elected officials
get-involved-questions-empty = No questions have been published yet.
get-involved-grants = Small grants
get-involved-grants-empty = No funding rounds are open at the moment.
get-involved-check-back = New opportunities are listed here as soon as they open.

## About

about-title = About this site
about-programme-heading = The programme
about-programme-run-by = This programme is run by { $organisation }.
about-programme-unset = The council has not published its programme on this site yet.
about-software-heading = The software
about-software-text = This site runs on Cohesion, open-source software that councils use to consult residents, host moderated discussions, publish questions to elected officials with their answers, and fund community projects.
about-listening-heading = How we listen
about-listening-text = We publish what people told us and what we did about it, so that every voice counts and every decision can be traced. No community is singled out: everyone is invited to take part on the same terms.

## Accessibility statement

accessibility-title = Accessibility statement
accessibility-intro = We want as many people as possible to be able to use this website. You should be able to:
accessibility-can-colours = change colours, contrast levels and fonts using your browser or device settings
accessibility-can-zoom = zoom in up to 400% without the text spilling off the screen
accessibility-can-keyboard = navigate the whole website using just a keyboard
accessibility-can-speech = navigate most of the website using speech recognition software
accessibility-can-reader = listen to the website using a screen reader
accessibility-can-language = read every page in English or Arabic, laid out from right to left in Arabic
accessibility-can-nojs = use every page with JavaScript turned off
accessibility-status-heading = How accessible this website is
accessibility-status-text = This website aims to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. Every page is checked automatically in English and Arabic each time the software changes. Automatic checks cannot find every problem, and the website has not yet had an independent audit, so it is partially compliant until one confirms otherwise.
accessibility-report-heading = Reporting accessibility problems
accessibility-report-text = If you find a problem that is not listed here, or you need information in a different format, contact the council that runs this programme. Tell us the web address of the page and what went wrong.
accessibility-enforcement-heading = Enforcement
accessibility-enforcement-text = If you are not happy with how we respond to your complaint, you can contact the equality advisory service in your country.

## Privacy notice

privacy-title = Privacy notice
privacy-intro = This notice explains what information this website collects, why, and what rights you have. The council that runs the programme is responsible for your information.
privacy-collect-heading = What we collect
privacy-collect-feedback = When you answer "Is this page useful?", we record which page and your answer. We do not record who you are.
privacy-collect-language = If you choose a language, your browser stores that choice in a cookie. See the cookie notice.
privacy-collect-logs = Our servers keep technical logs of requests, including your IP address, to keep the service secure and working. Counters used to stop abuse of forms hold your IP address for at most 24 hours.
privacy-collect-account = If you create an account, we keep your email address, display name, language and a hash of your password (never the password itself), and, while you are signed in, when and from what kind of browser.
privacy-collect-audit = We record actions on accounts and by staff (for example a role given or an account suspended) with the account number, the time and the IP address they came from, to keep the service accountable. This record is kept when an account is deleted.
privacy-rights-account = If you have an account, you can see and download everything we hold about you, and delete your account, yourself:
privacy-special-heading = Sensitive information
privacy-special-text = Some surveys may ask about your religion or belief, ethnicity, sexual orientation, health or political views. We ask only when we can say why, and we tell you the purpose next to the question. Such answers are kept apart from other information, only named staff can see them, and every access is recorded.
privacy-rights-heading = Your rights
privacy-rights-text = You can ask to see the information we hold about you, to have it corrected or deleted, and to object to how it is used. If you are unhappy with how your information is handled, you can complain to your data protection regulator.

## Cookie notice

cookies-title = Cookies
cookies-intro = Cookies are small files saved on your device. This website uses as few as possible.
cookies-table-caption = Cookies this website sets
cookies-col-name = Name
cookies-col-purpose = Purpose
cookies-col-expires = Expires
cookies-lang-purpose = Remembers the language you chose
cookies-lang-expires = 1 year
cookies-none-tracking = We do not use cookies for analytics or advertising, and no other website sets cookies through this one.

## The staff's dashboard
manage-title = Manage
manage-lead = What needs your attention, from each part of the site you work on.
