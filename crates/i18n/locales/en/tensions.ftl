# Community tension reports (issue 19): the public form, officers'
# dashboard and the administrators' settings.

nav-tensions = Tension reports

tension-card-heading = Tell us about community tension
tension-card-text = Seen or heard something that is making people in your area feel unsafe or divided? Tell the council’s community safety team. You do not need an account, and we do not ask who you are.
tension-card-link = Tell us about community tension

tension-closed-title = Tension reports are not taken here
tension-closed-text = This council does not take community tension reports on this site. If you want to report a hate crime or something that worries you, get help to find the right service.

tension-form-title = Tell us about community tension
tension-form-lead = Tell the council’s community safety team about tension in your area: a hate incident, graffiti or symbols, online rumours, a protest or gathering, disorder or damage.
tension-form-anonymous = You do not need to sign in. We do not store who you are or your address, and we remove names, email addresses, phone numbers and postcodes from what you write before we keep it.
tension-area = Area or ward
tension-area-choose = Choose an area
tension-area-elsewhere = Somewhere else / not sure
tension-kind = What kind of tension
tension-kind-hate_incident = Hate incident or abuse
tension-kind-graffiti_or_symbols = Graffiti or symbols
tension-kind-online_content = Online content or rumours
tension-kind-protest_or_gathering = Protest or gathering
tension-kind-disorder_or_damage = Disorder or damage
tension-kind-other = Something else
tension-when = When it happened
tension-when-hint = The day it happened, for example 30 November 2026. It cannot be after today.
tension-warning = Do not name or describe other people, and do not include anyone’s address, email or phone number.
tension-emergency = If someone is in danger now, call 999.
tension-help-link = Get help
tension-text = What happened
tension-text-hint = Describe what happened and where, without naming anyone. At most { $limit } characters.
tension-text-empty = Tell us what happened
tension-text-too-long = What happened must be { $limit } characters or fewer
tension-police = Has it been reported to the police?
tension-police-yes = Yes
tension-police-no = No
tension-police-dont_know = I don’t know
tension-send = Send report
tension-too-many = Too many reports have been sent from this connection.

tension-sent-title = Report sent
tension-sent-reference = Your reference is
tension-sent-promise = Thank you. The council’s community safety team will look at it within { $days ->
    [one] 1 working day
   *[other] { $days } working days
}.
tension-sent-no-copy = We do not show or send a copy of what you wrote. Keep the reference if you want to mention this report to the council.

tension-panel = Community tension reports
tension-panel-text = Counts by area, kind and week, with small counts hidden; each report’s text is kept for a set time and every reading of it is recorded.
tension-dashboard-link = Tension reports dashboard
tension-settings-link = Tension report settings

tension-dashboard-title = Community tension reports
tension-dashboard-lead = Counts of the reports residents and partners sent, by the week it happened in. Reports are anonymous; their texts have personal data masked and are deleted after the retention period, but the counts stay.
tension-dashboard-rules = Counts from 1 to 4 are shown as “fewer than 5”; others are hidden where a small count could be worked out from them and the total.
tension-total = Reports in this period: { $count }
tension-period = Last { $weeks } weeks
tension-period-label = Period
tension-period-show = Show
tension-fewer-than-5 = fewer than 5
tension-hidden = hidden
tension-chart-title = Reports by week
tension-chart-desc = Bar chart of reports by the week they happened in, from the week of { $first } to the week of { $last }. The same figures are in the table “Reports by week”.
tension-by-week = Reports by week
tension-week-heading = Week starting
tension-by-area = Reports by area
tension-by-kind = Reports by kind
tension-reports-heading = Reports
tension-export = Download the counts (CSV)
tension-recent = Recent reports
tension-reference = Reference
tension-status = Text
tension-status-text = Kept
tension-status-deleted = Deleted
tension-no-reports = No reports yet.
tension-received = Received
tension-report-title = Tension report
tension-tombstone = Text deleted after { $days ->
    [one] 1 day
   *[other] { $days } days
}.
tension-audit-note = Your reading of this report is recorded in the audit log.

tension-settings-title = Tension report settings
tension-settings-lead = Choose whether residents and partners can send tension reports, how long their texts are kept and what the acknowledgement promises.
tension-settings-save = Save settings
tension-settings-enabled = The form
tension-settings-enabled-on = Take tension reports
tension-settings-retention = Days to keep a report’s text
tension-settings-retention-hint = From 7 to 730. Texts older than this are deleted; counts stay.
tension-settings-review = Working days within which the team looks at a report
tension-settings-review-hint = From 1 to 30. The acknowledgement says this.
done-tension-settings-saved = Settings saved.

reason-date_in_future = The date must be today or in the past
reason-markup_not_allowed = Write plain text, without HTML tags such as <b>
reason-area-field_required = Choose the area, or “Somewhere else / not sure”
reason-area-invalid_choice = Choose an area from the list
reason-kind-field_required = Choose what kind of tension
reason-occurred_on-field_required = Enter the day it happened
reason-police-field_required = Say whether it has been reported to the police
reason-retention_days-out_of_range = Enter a number of days from 7 to 730
reason-retention_days-field_required = Enter a number of days from 7 to 730
reason-review_working_days-out_of_range = Enter a number of working days from 1 to 30
reason-review_working_days-field_required = Enter a number of working days from 1 to 30
