## The list of consultations

consultations-title = Consultations
consultations-lead = Have your say on how we keep our communities safe, together. Every response is read.
consultations-filter-status = Status
consultations-filter-any = Any status
consultations-filter-any-area = Any area
consultations-filter-topic = Topic
consultations-filter-area = Area
consultations-filter-search = Search
consultations-filter-button = Show consultations
consultations-count = { $count ->
    [one] 1 consultation
   *[other] { $count } consultations
}
consultations-empty = No consultations match. Try another status, topic or search.
consultations-create = Create a consultation
status-upcoming = Upcoming
status-open = Open
status-closed = Closed
status-draft = Draft

## A consultation's page and its timeline

consultation-title = Consultation
consultation-dates-upcoming = Opens { $opens }, closes { $closes }
consultation-dates-upcoming-same-day = Opens at { $opens } and closes at { $closes } on { $day }
consultation-dates-open = Closes { $closes }
consultation-dates-closed = Closed { $closes }
consultation-responded = { $count ->
    [0] Nobody has responded yet
    [one] 1 person has responded
   *[other] { $count } people have responded
}
consultation-opens = Opens
consultation-opened = Opened
consultation-closes = Closes
consultation-ran = Ran
consultation-ran-dates = from { $opens } to { $closes }
consultation-ran-dates-same-day = on { $day } from { $opens } to { $closes }
consultation-closed-draft-warning = Its closing date, { $closes }, has passed: if you publish it, it will be closed and nobody can respond. Change its dates if it should take responses.
consultation-topics = Topics
consultation-area = Area
consultation-timeline = Timeline
consultation-timeline-empty = No stages yet.
consultation-respond = Respond to this consultation
consultation-continue = Continue your response
consultation-change = Check or change your response
consultation-sign-in-to-respond = Sign in to respond
consultation-respond-upcoming = This consultation is not open yet. Come back when it opens.
consultation-respond-closed = This consultation has closed and no longer takes responses.
consultation-not-open-title = Not taking responses
consultation-results-link = See the results
consultation-manage = Manage this consultation
consultation-draft-notice = This is a draft. Only staff can see it until it is published.
consultation-view-public = See the public page
consultation-strands = How we are listening
consultation-documents = Documents
stage-happened = Happened
stage-current = Now
stage-to_come = To come
stage-link-none = Nothing yet
stage-link-survey = Answer the survey
stage-link-results = See the results
stage-link-findings = Read what you told us
stage-link-we-did = Read what we asked, what you said and what we did
stage-discussions = Discussions at this stage:

## Answering a survey

survey-title = Survey
survey-progress = Page { $page } of { $pages }
survey-progress-up-to = Page { $page } of up to { $pages }
survey-continue = Save and continue
survey-why-we-ask = Why we ask:
survey-not-answered = Not answered
survey-choose-all = Select all that apply.
survey-choose-up-to = { $count ->
    [one] Select 1.
   *[other] Select up to { $count }.
}
survey-ranking-hint = Give 1 to the one that matters most, then 2, and so on. You do not have to rank them all.
survey-date-hint = For example, { $example }.

## Answers of the standard scales and of the questions about the person

scale-strongly-agree = Strongly agree
scale-agree = Agree
scale-neither = Neither agree nor disagree
scale-disagree = Disagree
scale-strongly-disagree = Strongly disagree
scale-dont-know = Don’t know
scale-very-effective = Very effective
scale-fairly-effective = Fairly effective
scale-not-very-effective = Not very effective
scale-not-at-all-effective = Not at all effective
demographic-under-16 = Under 16
demographic-16-24 = 16 to 24
demographic-25-34 = 25 to 34
demographic-35-44 = 35 to 44
demographic-45-54 = 45 to 54
demographic-55-64 = 55 to 64
demographic-65-74 = 65 to 74
demographic-75-plus = 75 or over
demographic-prefer-not = Prefer not to say
demographic-woman = Woman
demographic-man = Man
demographic-non-binary = Non-binary
demographic-self-describe = I describe myself another way
demographic-asian = Asian or Asian British
demographic-black = Black, Black British, Caribbean or African
demographic-mixed = Mixed or multiple ethnic groups
demographic-white = White
demographic-arab = Arab
demographic-other-ethnic = Another ethnic group
demographic-no-religion = No religion
demographic-buddhist = Buddhist
demographic-christian = Christian
demographic-hindu = Hindu
demographic-jewish = Jewish
demographic-muslim = Muslim
demographic-sikh = Sikh
demographic-other-religion = Another religion or belief
demographic-disabled-a-lot = Yes, my day-to-day activities are limited a lot
demographic-disabled-a-little = Yes, my day-to-day activities are limited a little
demographic-not-disabled = No
demographic-straight = Straight or heterosexual
demographic-gay-lesbian = Gay or lesbian
demographic-bisexual = Bisexual
demographic-other-orientation = Another sexual orientation

## "Check your answers" and the confirmation

check-answers-title = Check your answers
check-answers-lead = Check your answers before you send them. You can change them until the consultation closes.
check-answers-not-answered = Not answered
check-answers-rank = Rank { $rank }: { $option }
check-answers-submit = Send my response
check-answers-resubmit = Send my changed response
confirmation-title = Response sent
confirmation-reference = Your reference
confirmation-text = Thank you for responding to “{ $title }”. You can change your response until { $closes }.
confirmation-change = Check or change your response
receipt-button = Email me a copy of my answers
receipt-hint = We will send your questions and answers to { $email }.
receipt-hint-no-server = This site has no email server set up yet: your copy will wait, and go to { $email } when one is.
receipt-button-again = Email me another copy of my answers
receipt-too-many-title = You have asked for too many copies
receipt-too-many = You have asked for several copies of your answers to “{ $title }” in a short time.
receipt-unverified = Confirm your email address to have a copy of your answers emailed to you.
receipt-subject = Your answers to “{ $title }”
receipt-intro = You responded to “{ $title }”. Your reference is { $reference }. These are the answers you sent.
receipt-change = You can change your answers until { $closes }: { $link }
done-receipt-sent = You asked for a copy of your answers by email.
receipt-waiting = Your copy is waiting to be sent to { $email }.
receipt-no-server = Your copy is waiting to be sent to { $email }: this site has no email server set up yet, so it will go when one is.
receipt-sent-at = Your copy was sent to { $email } on { $sent }.

## Results

results-title = Results
results-title-of = Results: { $title }
results-not-published = These results are not published yet: only staff can see them.
results-published-on = Published on { $when }.
results-as-of = Figures as of { $when }, from { $count ->
    [one] 1 response
   *[other] { $count } responses
}. They are updated at most once a day while the consultation is open.
results-public-as-of = The public sees figures as of { $when }, from { $count ->
    [one] 1 response
   *[other] { $count } responses
}. They change only once a day has passed and at least { $min } more people have responded, until the consultation closes.
results-not-public = not published: only staff see this question
results-rules = Counts under { $count } are hidden, with others where needed so that a hidden count cannot be worked out. Percentages are shown only for questions at least { $base } people answered. Ranges are 95% confidence intervals.
results-answered = { $count ->
    [one] 1 person answered
   *[other] { $count } people answered
}
results-hidden = Hidden (too few to show)
results-base-hidden = Too few people answered this question to show results.
results-withheld = This question asks for special-category data. Its results are shown only to analysts allowed to see such data.
results-free-text = Written answers are read by staff and are not shown here.
results-option = Answer
results-figure-head = People (share, 95% range)
results-figure = { $count } ({ $percent }%, { $range })
results-table-caption = { $question } (base: { $base })
results-ranked-first = { $question } – ranked first
results-empty = There are no questions with results yet.
results-analysis-link = Cross-tabulate the answers
results-weighted-heading = { $question } – weighted to the population
results-weighted-base = { $count } answered; effective base after weighting: { $effective }
results-weighted-base-few = All but fewer than { $count } of those who answered; effective base after weighting: about { $effective }
results-weighted-caption-few = { $question } (base: all but fewer than { $count } of those who answered)
results-weighted-note = Weighted by raking to population margins, worked out on { $date } when these results were published. The ranges use the effective base.
results-weighted-figure = { $percent }% ({ $range })

## Publishing the results (staff)

results-publication-title = Publish results
results-publication-change = Change what is published
results-publication-lead = The public sees only the questions you tick, each with its base and 95% range, and small counts hidden. Questions about special-category data are never published. Publishing again replaces what was published before.
results-publication-snapshot = { $count ->
    [one] While the consultation is open, the public sees the figures as they are when you publish, updated at most once a day and only after at least 1 more person has responded, so that nobody’s answers can be worked out by comparing two readings.
   *[other] While the consultation is open, the public sees the figures as they are when you publish, updated at most once a day and only after at least { $count } more people have responded, so that nobody’s answers can be worked out by comparing two readings.
}
results-publication-questions = Questions to publish
results-publication-questions-hint = Tick at least one.
results-publication-margins-hint = Optional. To publish figures weighted to the population beside the counts, give the population margins as on the weighted results page. They are worked out now and labelled as weighted. Leave empty to publish counts only.
results-publication-try-weighting = Try the weighting first on the weighted results page

## Creating and changing a consultation (staff)

consultation-new-title = Create a consultation
consultation-edit-title = Change the consultation’s details
consultation-edit-details = Change details
# Said after the link, hidden: "Change details of the consultation".
consultation-edit-details-hidden = of the consultation
consultation-field-title = Title
consultation-field-summary = Summary
consultation-field-summary-hint = One or two sentences, shown in lists.
consultation-field-body = Introduction
consultation-field-body-hint = You can use Markdown: *emphasis*, lists, headings and links.
consultation-field-topics = Topics
consultation-field-topics-hint = Separate topics with commas, for example: hate crime, online safety
consultation-field-area = Area
consultation-field-opens = Opens
consultation-field-closes = Closes
# No example date: the browser's picker writes dates its own way.
consultation-field-time-hint = { $tz ->
    [none] Times are { $zone }. For the end of a day choose { $end }: midnight is the start of the next day.
   *[other] Times are { $zone } ({ $tz }). For the end of a day choose { $end }: midnight is the start of the next day.
}
consultation-field-anonymous = Can people respond without an account?
consultation-anonymous-no = No, they sign in first
consultation-anonymous-yes = Yes, anonymous responses are allowed
consultation-field-strands = Strands of engagement
consultation-field-strands-hint = How you are listening besides this survey, one per line, for example: Stakeholder meetings, Community-led sessions, Commissioned research
consultation-field-documents = Linked documents
consultation-field-documents-hint = One per line: the title, a bar, then the address (https://… or a page of this site), for example: Evidence review | https://example.org/review.pdf
consultation-field-language = Language
consultation-field-language-question = Which language are you writing in?
consultation-field-language-hint = Your texts are marked with this language on every page, and the translations page asks for the site’s other languages.
consultation-field-language-locked = The consultation has translations, made from this language, so it cannot change. To change it, remove the translations first: save each language’s translations empty.
done-consultation-created = The consultation was created as a draft.
done-consultation-saved = The details were saved.

## A consultation's staff page

consultation-status = Status
consultation-published = Published
consultation-results-published = Results published
consultation-responses = Responses
consultation-publish = Publish the consultation
consultation-unpublish = Withdraw the consultation
consultation-publish-results = Publish the results
consultation-withdraw-results = Withdraw the results
done-consultation-published = The consultation is published.
done-consultation-unpublished = The consultation was withdrawn.
done-results-published = The results are published.
done-results-withdrawn = The results were withdrawn.

## Survey questions (staff)

consultation-survey = Survey questions
consultation-survey-empty = No questions yet. Add the first one.
consultation-survey-lead = Add questions page by page. Routing rules are checked when you save, so nobody can reach a dead end.
consultation-survey-locked = People have responded, so the survey can no longer change its questions, their options or their order. You can still fix typos: choose a question’s text, or “Fix the wording” under a page’s heading.
question-add = Add a question
question-add-lead = Write the question, then choose where it goes and when it is shown.
question-edit = Change the question
question-edit-lead = Change the wording, the options, where the question goes or when it is shown. Its answers and translations stay with it. Once anyone has answered, the survey can no longer change.
question-number = Number
question-text = Question
question-hint = Hint
question-kind = Type
question-required = Must be answered?
question-routing = Shown
question-actions = Actions
question-always = Always
question-shown-if = If “{ $question }” is { $options }
question-remove = Remove the question
question-options = Options
question-options-hint = One per line. For a matrix, the rows; for areas, the council’s areas.
question-max = Maximum
question-max-hint = Multiple choice: how many may be picked. Number: the largest allowed. Long text: the number of characters.
question-min = Minimum
question-min-hint = Number: the smallest allowed.
question-demographic = About the person
question-purpose = Why you ask
question-purpose-hint = Required for ethnicity, religion, disability and sexual orientation. Respondents see it.
question-place = Where the question goes
question-place-hint = After a question, first on a page, or on a new page. A question shown only after certain answers must be on a later page than the question it depends on.
question-place-first = First on page { $number }
question-place-after = After “{ $question }”
question-place-new = On a new page at the end
question-place-new-after = On a new page after page { $number }
question-page-title = Title of the new page
question-page-title-hint = Optional, and only for a question that goes on a new page: respondents see it as that page’s heading.
question-rule = When the question is shown
question-rule-hint = Always, or only after certain answers to a choice question on an earlier page.
question-rule-answers = Answers to “{ $question }” that show this question
question-rule-none = The survey has no other choice question yet, so this question is always shown.
question-move-up = Move up
question-move-down = Move down
question-moves-hint = Move up and Move down take a question past its neighbour, and from the top or bottom of a page to the page before or after. A page left without questions is removed.
question-move-refused = The question cannot move there
question-move-stale = The survey has changed since this page was shown, so the question was not moved. Go back to the survey and try again.
question-remove-refused = The question cannot be removed yet
question-back-to-survey = Back to the survey
survey-page-heading = Page { $number }: { $title }
survey-page-heading-untitled = Page { $number }
survey-page-skipped-if = This page is skipped if the answer to “{ $question }” is { $options }.
survey-page-title-add = Give page { $number } a title
survey-page-title-change = Change the title of page { $number }
page-title-heading = The title of page { $number }
page-title-field = Page title
page-title-hint = Respondents see it as the page’s heading. Leave it empty and the page is headed “{ survey-title }”.
page-title-lead = The questions on this page: { $questions }
page-title-save = Save the title
survey-page-rule-add = Set when page { $number } is skipped
survey-page-rule-change = Change when page { $number } is skipped
page-rule = When the page is skipped
page-rule-heading = When page { $number } is skipped
page-rule-lead = People who give one of the answers ticked go straight past this page: its questions are not asked of them.
page-rule-hint = Never, or after certain answers to a choice question on an earlier page.
page-rule-never = Never: everyone sees this page
page-rule-answers = Answers to “{ $question }” that skip this page
page-rule-none = There is no choice question on an earlier page, so this page is never skipped.
page-rule-save = Save when the page is skipped
rule-conflict-order = “{ $dependent }” is shown only after certain answers to “{ $question }”, so it must be on a later page than that question.
rule-conflict-order-own = “{ $dependent }” is shown only after certain answers to “{ $question }”, so it must be on a later page than that question. Choose a question on an earlier page, or put this question on a later page.
rule-conflict-order-page = Page { $page } is skipped after certain answers to “{ $question }”, so that question must be on an earlier page.
rule-conflict-not-choice = “{ $dependent }” is shown only after certain answers to “{ $question }”, so that question must keep answers to choose from. Change when “{ $dependent }” is shown first.
rule-conflict-not-choice-page = Page { $page } is skipped after certain answers to “{ $question }”, so that question must keep answers to choose from.
rule-conflict-missing-option = “{ $dependent }” is shown only after answers to “{ $question }” that it would no longer have. Change when “{ $dependent }” is shown first.
rule-conflict-missing-option-page = Page { $page } is skipped after answers to “{ $question }” that it would no longer have.
rule-conflict-missing = “{ $dependent }” is shown only after certain answers to “{ $question }”. Change when “{ $dependent }” is shown before removing “{ $question }”.
rule-conflict-missing-page = Page { $page } is skipped after certain answers to “{ $question }”, so that question cannot be removed while the page has that rule.
question-kind-single_choice = Single choice
question-kind-multiple_choice = Multiple choice
question-kind-agreement = Agreement scale
question-kind-effectiveness = Effectiveness scale
question-kind-ranking = Ranking
question-kind-number = Number
question-kind-date = Date
question-kind-short_text = Short text
question-kind-long_text = Long text
question-kind-matrix = Matrix (rows on the agreement scale)
question-kind-demographic = About the person
demographic-kind-age_band = Age band
demographic-kind-gender = Gender
demographic-kind-area = Area
demographic-kind-ethnicity = Ethnicity
demographic-kind-religion = Religion or belief
demographic-kind-disability = Disability
demographic-kind-sexual_orientation = Sexual orientation
done-question-added = The question was added.
done-question-removed = The question was removed.
done-question-changed = The question was changed.
done-question-moved = The question was moved.
done-page-titled = The page’s title was saved.
done-page-rule-set = The page’s rule was saved: it is skipped after the answers you ticked.
done-page-rule-cleared = The page’s rule was saved: it is never skipped, everyone sees it.

## The timeline's stages (staff)

stage-add = Add a stage
stage-remove = Remove the stage
reason-stage_has_discussions = A discussion is part of this stage or a later one: removing it would leave the discussion part of no stage, or move it to another. Link it to another stage, or to none, first.
stage-remove-linked = { $count ->
    [one] This discussion is part of this stage or a later one. Its link follows the stage's place in the timeline, so removing the stage would leave it part of no stage, or move it to another stage, without a word. Open it and link it to another stage, or to none, then remove the stage:
   *[other] These { $count } discussions are part of this stage or a later one. Their links follow the stage's place in the timeline, so removing the stage would leave them part of no stage, or move them to another stage, without a word. Open each and link it to another stage, or to none, then remove the stage:
}
stage-name = Stage
stage-description = Description
stage-date = Date
stage-date-hint = For example, { $example }. Optional.
stage-state = Where it stands
stage-link = Links to
done-stage-added = The stage was added.
done-stage-removed = The stage was removed.

## Analysis: cross-tabulating the answers (staff)

analysis-title = Analysis
analysis-title-of = Analysis: { $title }
analysis-lead = Choose two questions to see how people who answered one way answered the other. Small counts are hidden as on the results page.
analysis-rows = Question for the rows
analysis-columns = Question for the columns
analysis-choose = Choose a question
analysis-show-label = What each cell shows
analysis-show-column = Its share of the column (column percentages), with the count
analysis-show-row = Its share of the row (row percentages), with the count
analysis-show-counts = The count only
analysis-show = Show the table
analysis-total = Total
analysis-total-choices = Choices made
analysis-caption = { $rows } by { $columns }
analysis-cell-count = ({ $count })
analysis-key-column = Each cell is a share of its column: of the people who gave the column’s answer, the percentage who gave the row’s. Under it, in brackets, how many people that is. Percentages are rounded, so a column may not add up to exactly 100%.
analysis-key-row = Each cell is a share of its row: of the people who gave the row’s answer, the percentage who gave the column’s. Under it, in brackets, how many people that is. Percentages are rounded, so a row may not add up to exactly 100%.
analysis-key-counts = Each cell is the number of people who gave both the row’s answer and the column’s.
analysis-key-small-column = { $count ->
    [one] A column of fewer than 1 person shows counts only: too few for percentages.
   *[other] A column of fewer than { $count } people shows counts only: too few for percentages.
}
analysis-key-small-row = { $count ->
    [one] A row of fewer than 1 person shows counts only: too few for percentages.
   *[other] A row of fewer than { $count } people shows counts only: too few for percentages.
}
analysis-key-hidden-total-column = A column whose total is hidden shows counts only: its percentages would give the total away.
analysis-key-hidden-total-row = A row whose total is hidden shows counts only: its percentages would give the total away.
analysis-key-several = One of these questions lets people pick more than one answer: someone who picked two is counted under both, so the totals count the choices made, not people, and percentages are shares of those choices.

## Figures in the analysts' tables

figure-percent = { $percent }%
figure-percent-under-one = <1%
figure-percent-over-ninety-nine = >99%
# The symbol of a hidden figure (as statistics offices write it); the key
# under each table says what it means.
figure-hidden-symbol = {"[c]"}
figure-hidden-key = { $count ->
    [one] Hidden: fewer than 1 person, or hidden with other figures so that no hidden figure can be worked out from the totals.
   *[other] Hidden: fewer than { $count } people, or hidden with other figures so that no hidden figure can be worked out from the totals.
}

## Weighting (staff)

weighting-title = Weighted results
weighting-title-of = Weighted results: { $title }
weighting-lead = Weight the answers to the population by raking: pick one or more single-answer questions and give the population share of each of their options. Weighted figures are labelled as such, and their ranges use the effective base, which weighting makes smaller.
weighting-typed-lead = The questions you can weight by, each with its options in the order to give their shares:
weighting-question = { $id }: { $question } ({ $options })
weighting-margins = Population margins
weighting-margins-hint = One line per question: its id, a colon, then the share of each option in percent, in order, with - for an option to leave out. For example: q8: 4, 14, 17, 17, 16, 13, 10, 9, -
weighting-apply = Weight the results
weighting-included = Respondents weighted
weighting-excluded = Respondents left out (no answer, or an option left out)
weighting-excluded-few = { $count ->
    [one] Fewer than { $count } person
   *[other] Fewer than { $count } people
}
weighting-converged = Did the weights settle?
weighting-settled-at-once = Yes: the answers already matched the targets, so no rounds of weighting were needed.
weighting-settled = { $rounds ->
    [one] The weights settled after 1 round.
   *[other] The weights settled after { $rounds } rounds.
}
weighting-unsettled = { $rounds ->
    [one] The weights did not settle after 1 round; the largest remaining gap to a target is { $gap } percentage points.
   *[other] The weights did not settle after { $rounds } rounds; the largest remaining gap to a target is { $gap } percentage points.
}
weighting-unsettled-tiny = { $rounds ->
    [one] The weights did not settle after 1 round, but every remaining gap to a target is under 0.1 percentage points.
   *[other] The weights did not settle after { $rounds } rounds, but every remaining gap to a target is under 0.1 percentage points.
}
weighting-effective = Effective sample size
weighting-range = Weights, scaled to a mean of 1
weighting-range-value = from { $smallest } to { $largest }
weighting-trimmed = Weights trimmed in the last round
weighting-caption = Weighted: { $question } (base { $base }, effective base { $effective })
weighting-share = Weighted share (95% range)
weighting-unweighted = People (unweighted)
weighting-base-small = Base too small for a percentage
weighting-figure-range = ({ $range })
weighting-key = Under each weighted share, in brackets, the range the population’s share most likely lies in (95%), worked out on the effective base. People are counted unweighted.
weighting-key-few = Under each weighted share, in brackets, the range the population’s share most likely lies in (95%), worked out on the effective base. People are not counted: fewer than { $count } of those who answered were left out of the weighting, and counts beside those of the results page would give them away.
weighting-included-few = All but fewer than { $count } of the respondents
weighting-about = About { $count }
weighting-caption-few = Weighted: { $question } (all but fewer than { $count } of those who answered; effective base about { $effective })
weighting-form-heading = Questions to weight by
weighting-shares-hint = The share of the population in each of its options, in percent, adding up to 100. Leave an option empty to leave its respondents out of the weighting (such as those who preferred not to say).
weighting-remove = Remove this question
weighting-add = Add this question
weighting-typed = Type the margins instead
weighting-pick = Question to weight by
weighting-pick-another = Another question to weight by
weighting-pick-choose = Choose a question
weighting-pick-error = Choose a question from the list
weighting-pick-error-empty = Choose a question to weight by
weighting-pick-error-too-many = Weight by at most { $most } questions
weighting-share-error-number = Enter the share for “{ $option }” as a number from 0 to 100
weighting-share-error-nobody = Nobody who responded chose “{ $option }”, so nobody can stand for its share: leave it empty to leave it out
weighting-share-error-total = The shares for “{ $question }” add up to { $total }%: they must add up to 100%
weighting-error-empty = Enter the population shares of at least one question, one line for each
weighting-error-too-many = Line { $line }: weight by at most { $most } questions
weighting-error-no-colon = Line { $line }: write the question’s id, a colon, then its shares, like q8: 10, 20, 70
weighting-error-unknown = Line { $line }: there is no question “{ $id }” in this survey. Use an id from the list above the box
weighting-error-not-single = “{ $question }” cannot be weighted by: choose a question answered with one option from a list
weighting-error-repeated = “{ $question }” has more than one line: give its shares once
weighting-error-missing = Enter a target share for ‘{ $option }’ ({ $question }), or - to leave it out
weighting-error-not-number = Enter the target share for ‘{ $option }’ ({ $question }) as a number, like 12 or 12.5
weighting-error-out-of-range = The target share for ‘{ $option }’ ({ $question }) must be between 0 and 100
weighting-error-too-many-shares = { $options ->
    [one] “{ $question }” has 1 option: give one share, for it
   *[other] “{ $question }” has { $options } options: give one share for each, in order
}
weighting-error-total = Targets for “{ $question }” add up to { $total }%; they must add up to 100%
weighting-error-nobody-chose = ‘{ $option }’ ({ $question }) has no respondents, so nobody can stand for its share of the population: leave it out with -
weighting-error-nobody-left = Nobody who responded answered every question you weight by with an option that has a share

## Exports (staff)

export-reference = Reference
export-submitted = Submitted (UTC)
export-responses = Download every response (CSV)
export-responses-xlsx = Download every response (Excel)
export-results = Download these results (CSV)
export-results-json = Download these results (JSON)
export-findings-json = Download these findings (JSON)
export-ranked-first = Ranked first

## Your survey responses, on the "Your data" page

data-responses = Your survey responses
your-answers-title = Your answers
your-answers-lead = You sent these answers to { $title } on { $sent }. Your reference is { $reference }.
your-answers-change = Change your answers
data-consultation = Consultation
data-not-submitted = Not sent yet
data-submitted = Sent

## Written answers (staff)

answers-title = Written answers
answers-title-of = Written answers: { $title }
answers-search = Search the answers
answers-search-hint = Finds whole words. End the search with * to find words that start so: light* finds lights and lighting.
answers-none = This survey has no written-answer questions.
answers-count = { $count ->
    [one] 1 answer matches
   *[other] { $count } answers match
}
answers-answer = Answer (contact details masked)
answers-empty = No written answers match.

## A response (staff)

response-title = A response
response-title-of = Response { $reference }
response-lead = This response’s answers, with contact details masked. Answers to special-category questions are not shown here.
response-empty = No answer

## What you told us

findings-title = What you told us
findings-title-of = What you told us: { $title }
findings-lead = What we heard in this consultation. Every figure is worked out from the responses, never typed in. While the consultation is open, figures are updated at most once a day.
# Once closed, no more responses come in: no word of daily updates.
findings-lead-closed = What we heard in this consultation. Every figure is worked out from the responses, never typed in.
findings-empty = We have not published any findings yet.
finding-figure = { $base ->
    [one] { $count } of the one person who answered “{ $question }” chose “{ $option }” (95% range { $range }).
   *[other] { $count } of the { $base } people who answered “{ $question }” chose “{ $option }” (95% range { $range }).
}
finding-figure-count = { $base ->
    [one] { $count } of the one person who answered “{ $question }” chose “{ $option }”. Too few people answered for a percentage.
   *[other] { $count } of the { $base } people who answered “{ $question }” chose “{ $option }”. Too few people answered for a percentage.
}
finding-figure-hidden = Too few people chose “{ $option }” in answer to “{ $question }” for the figure to be shown.
finding-figure-any = { $base ->
    [one] { $count } of the one person who answered “{ $question }” chose { $option } (95% range { $range }).
   *[other] { $count } of the { $base } people who answered “{ $question }” chose { $option } (95% range { $range }).
}
finding-figure-any-count = { $base ->
    [one] { $count } of the one person who answered “{ $question }” chose { $option }. Too few people answered for a percentage.
   *[other] { $count } of the { $base } people who answered “{ $question }” chose { $option }. Too few people answered for a percentage.
}
finding-figure-any-hidden = Too few people chose { $option } in answer to “{ $question }” for the figure to be shown, or showing it would give away a figure that is hidden.
finding-figure-any-until-closed = How many people chose { $option } in answer to “{ $question }” is shown once the consultation has closed.
finding-option-quoted = “{ $option }”
finding-options-or = or
we-did-heading = We asked, you said, we did
we-did-lead = For each thing you told us, here is what we did in response.
we-did-asked = We asked
we-did-said = You said
we-did-did = We did
we-did-missing = We have not yet said what we did in response to this.
we-did-empty = We have not published what we heard and what we did yet.
finding-figure-theme = { $base ->
    [one] { $count } of the one written answer to “{ $question }” was about “{ $theme }” (95% range { $range }).
   *[other] { $count } of the { $base } written answers to “{ $question }” were about “{ $theme }” (95% range { $range }).
}
finding-figure-theme-count = { $base ->
    [one] { $count } of the one written answer to “{ $question }” was about “{ $theme }”. Too few answers for a percentage.
   *[other] { $count } of the { $base } written answers to “{ $question }” were about “{ $theme }”. Too few answers for a percentage.
}
finding-figure-theme-hidden = Too few written answers to “{ $question }” were about this theme for the figure to be shown.

## Adding and publishing findings (staff)

finding-add = Add a finding
finding-add-lead = A finding rests on results of one question: tick the options whose share it reports. Ticking several (“Strongly agree” and “Agree”) reports the people who chose any of them. The figure is always pulled from the results.
finding-field-title = Finding
finding-field-body = What it means, and what we will do
finding-field-question = The question it rests on
finding-field-row = Row
finding-option-label = Question { $number }: { $question } — { $option }
finding-theme-label = Question { $number }: { $theme }
finding-field-row-hint = For a matrix question only: the row number, starting at 1.
finding-field-options = The options it rests on
finding-field-options-hint = Tick one option, or several of the same question to combine them.
findings-heading = Findings (What you told us)
finding-publish-titled = Publish: { $title }
finding-withdraw-titled = Withdraw: { $title }
finding-remove-titled = Remove: { $title }
done-finding-added = The finding was added as a draft.
done-finding-published = The finding is published.
done-finding-withdrawn = The finding was withdrawn.
done-finding-removed = The finding was removed.
finding-field-theme = Or a confirmed theme
finding-field-theme-hint = The figure is then the share of the question’s written answers mapped to the theme.
finding-theme-none = None: use the options above
finding-field-what-we-did = What we did
finding-field-what-we-did-hint = What the council did in response. Shown under “We asked, you said, we did” once the consultation has closed. You can write it later. You can use Markdown: *emphasis*, lists, headings and links.
finding-what-we-did-title = What we did in response to a finding
finding-what-we-did-lead = Say what the council did in response to this finding. Readers see it once the consultation has closed.
finding-what-we-did-write = Write what we did
finding-what-we-did-change = Change what we did
done-finding-what-we-did-saved = What we did was saved.

## Translations (staff)

translations-title = Translate
translations-title-of = Translate into { $language }
translations-lead = Translate each text. Readers in that language see the translation where there is one, and the original elsewhere. Leave a box empty to keep the original.
# Each selector is a variant's whole text, so that Fluent puts no
# isolation marks around the words it chooses.
translations-missing = { $missing ->
    [0] { $all ->
        [one] The one text is translated
       *[other] All { $all } texts translated
    }
   *[other] { $all ->
        [one] The one text is not translated yet
       *[other] { $missing } of { $all } texts not translated yet
    }
}
translations-to-review = { $stale ->
    [one] 1 needs review
   *[other] { $stale } need review
}
translations-stale = The original has changed since this was translated: readers see the original until you check the translation and save.
translations-original = Original
translations-row = Translation: { $language }
translations-translate = Translate
translations-translate-hidden = into { $language }
translations-part-title = Title of the consultation
translations-part-discussion-title = Title of the discussion
translations-part-summary = Summary
translations-part-body = Introduction
translations-part-topic = Topic { $number }
translations-part-area = Area
translations-part-strand = Strand of engagement { $number }
translations-part-document = Linked document { $number }: title
translations-part-stage-name = Stage { $number }: name
translations-part-stage-description = Stage { $number }: description
translations-part-guiding-question = Guiding question { $number }
translations-part-page = Survey page { $number }: title
translations-part-question = Question { $number }: { $question } — { $field }
translations-field-text = wording
translations-field-hint = hint
translations-field-purpose = why you ask
translations-field-option = option { $number }
translations-field-row = row { $number }
translations-part-finding-title = Finding: { $finding } — title
translations-part-finding-body = Finding: { $finding } — what it means, and what we will do
translations-part-finding-what-we-did = Finding: { $finding } — what we did
translations-part-theme = Theme cited by a finding: { $theme }
done-translation = The translations were saved.

## Themes: finding them in the answers to a long-text question (analysts)

themes-title = Themes
themes-title-of = Themes: { $question }
themes-lead = Find the themes in what people wrote: run discovery with a seed (the same answers and seed always give the same themes), rename, merge, split, delete or add themes, confirm the set, then map every answer to the confirmed themes. Answers the mapping is unsure of wait on a review list. Contact details in quotes are masked.
themes-not-run = Discovery has not been run on this question yet.
themes-link = Themes in the answers to { $question }
themes-run-heading = Find themes
themes-field-seed = Seed
themes-field-seed-hint = A whole number. Running again with the same seed on the same answers gives the same themes.
themes-run = Find themes
themes-rerun = Find themes again
themes-summary-seed = Seed
themes-summary-run = Run
themes-summary-run-value = { $when } by { $who }
themes-summary-answers = Answers analysed
themes-summary-status = Stage
themes-stage-candidates = Candidate themes: edit them, then confirm the set
themes-stage-confirmed = Themes confirmed: map the answers
themes-stage-mapped = Answers mapped to the confirmed themes
themes-done-run = Discovery has run. Check the candidate themes.
themes-rerun-title = Find themes again for “{ $question }”?
themes-rerun-lead = A new run of discovery starts the themes again from what it finds in the answers. It replaces:
themes-rerun-confirmed = { $count ->
    [one] the 1 confirmed theme
   *[other] the { $count } confirmed themes
}
themes-rerun-changes = { $count ->
    [one] your 1 change to the themes (a theme renamed, added, merged or deleted)
   *[other] your { $count } changes to the themes (themes renamed, added, merged or deleted)
}
themes-rerun-mapped = { $count ->
    [one] the mapping of 1 answer to the themes
   *[other] the mapping of { $count } answers to the themes
}
themes-rerun-warning = The themes as they are now cannot be brought back from these pages.
themes-rerun-button = Yes, find themes again

## Themes: the list, and what is counted separately

themes-list-heading = The themes
themes-none = Discovery found no themes in these answers. Add one with example answers.
themes-table-caption = Themes with their stance, three example answers and how many answers each holds
themes-col-theme = Theme
themes-col-stance = Stance
themes-col-quotes = Example answers
themes-col-candidates = Answers (discovery)
themes-col-mapped = Answers (mapped)
themes-terms = Top terms:
themes-edit = Change
themes-stance-agree = Agrees
themes-stance-disagree = Disagrees
themes-stance-unclear = Unclear
themes-stance-mixed = Mixed (added by an analyst)
# A label discovery made: its strongest terms, then its stance in a word.
themes-generated-label = { $terms } ({ $stance })
themes-label-agree = agree
themes-label-disagree = disagree
themes-label-unclear = unclear
themes-status-candidate = Candidate
themes-status-confirmed = Confirmed
themes-count = { $count } of { $base } ({ $share }%, 95% range { $range })
themes-set-aside-heading = Counted separately
themes-set-aside-lead = Campaign texts (the same words sent by many), bare agreement or disagreement and answers no theme took are counted here, never themed.
themes-campaigns = Campaign copies
themes-endorsements = Bare agreement (“agree 100%”, “yes”)
themes-rejections = Bare disagreement (“no”)
themes-unassigned = Answers no theme took
themes-campaign-count = { $count ->
    [one] 1 copy
   *[other] { $count } copies
}

## Themes: adding, confirming and mapping

themes-add-heading = Add a theme
themes-field-label = Label
themes-field-description = Description
themes-field-references = Example answers
themes-field-references-hint = The reference numbers of one or more answers that belong to the theme, separated by commas (as shown on the written answers page).
themes-add = Add theme
themes-confirm-heading = Confirm and map
themes-confirm-lead = When the themes are right, confirm the set. Answers are then mapped to the confirmed themes.
themes-confirm = Confirm these themes
themes-confirmed = The themes are confirmed. Map every answer to them, with a confidence for each.
themes-confirm-title = { $count ->
    [one] Confirm this theme for “{ $question }”?
   *[other] Confirm these { $count } themes for “{ $question }”?
}
themes-confirm-what = { $answers ->
    [0] The set becomes the one written answers to this question are mapped to, each with a confidence; nobody has written one yet. Findings can then cite the themes.
    [one] The set becomes the one written answers to this question are mapped to: next, the 1 answer is mapped to these themes with a confidence, and if the mapping is unsure of it, it waits on a list for you to review. Findings can then cite the themes.
   *[other] The set becomes the one written answers to this question are mapped to: next, the { $answers } answers are mapped to these themes, each with a confidence, and those the mapping is unsure of wait on a list for you to review. Findings can then cite the themes.
}
themes-confirm-later = Adding, merging, splitting or deleting a theme afterwards sends the set back to be confirmed and mapped again; renaming one does not.
themes-confirm-button = Yes, confirm these themes
themes-map = Map the answers
themes-remap = Map the answers again
themes-review-link = { $count ->
    [one] 1 answer waits for review
   *[other] { $count } answers wait for review
}
themes-retired-heading = Deleted and merged themes
themes-retired-deleted = deleted
themes-retired-merged = merged into “{ $into }”
themes-done-add = The theme was added.
themes-done-confirm = The themes are confirmed.
themes-done-map = Every answer was mapped to the confirmed themes.

## Themes: changing one theme

theme-edit-title = Change a theme
theme-edit-title-of = Change the theme “{ $label }”
themes-rename-heading = Rename
themes-rename = Save the label
themes-merge-heading = Merge into another theme
themes-field-into = Theme to merge into
themes-merge = Merge
themes-split-heading = Split off a new theme
themes-field-new-label = Label of the new theme
themes-field-examples = Answers that go to the new theme
themes-split = Split off
themes-delete-heading = Delete
themes-delete-lead = The theme is marked deleted, not erased: the audit log keeps what it was.
themes-delete = Delete this theme
themes-done-rename = The theme was renamed.
themes-done-nothing = Nothing changed: the theme’s name and description are as they were.
themes-done-merge = The themes were merged.
themes-done-split = The new theme was split off.
themes-done-delete = The theme was deleted.

## Themes: answers to review

themes-review-title = Answers to review
themes-review-title-of = Answers to review: { $question }
themes-review-lead = { $count ->
    [one] 1 answer waits: the mapping was unsure of it. Choose its themes, or none, and save.
   *[other] { $count } answers wait: the mapping was unsure of them. Choose each one’s themes, or none, and save.
}
themes-review-detail = Stance: { $stance }. Best confidence: { $confidence }.
themes-review-choose = Themes of this answer
themes-review-save = Save
themes-done-review = The answer’s themes were saved.

## Reasons for consultation errors

reason-invalid_date = Enter a real date, for example 2026-11-30 for 30 November 2026
reason-closes_before_opens = The closing date must be after the opening date
reason-time_does_not_exist = That time does not exist in the site’s time zone, because the clocks go forward then: choose a time before or after the change
reason-time_is_ambiguous = That time happens twice in the site’s time zone, because the clocks go back then: choose a time before or after the change, or give its offset from UTC
reason-invalid_survey = A routing rule must name a choice question on an earlier page and options it has
reason-purpose_required = Say why you ask this question: respondents see it
reason-too_many_choices = Choose fewer options
reason-out_of_range = Enter a number in the range allowed
reason-seed-out_of_range = Enter the seed as a whole number of 0 or more, like 42
# An answer's problem, with the question's own limits (ADR 25).
answer-choose-up-to = { $max ->
    [one] Choose only 1 option
   *[other] Choose up to { $max } options
}
answer-number-between = Enter a number between { $min } and { $max }
answer-number-at-least = Enter a number of { $min } or more
answer-number-at-most = Enter a number of { $max } or less
answer-number-whole = Enter a whole number, like 12
# A required question left unanswered: what to do, by its kind.
answer-required-choose = Choose an option
answer-required-choose-some = Choose at least one option
answer-required-rank = Rank every option
answer-required-each-row = Choose an answer for each statement
answer-required-number = Enter a number
answer-required-date = Enter a date
answer-required-text = Enter your answer
answer-too-long = Your answer must be { $limit } characters or fewer
reason-texts-field_too_long-limit = A translation must be { $limit } characters or fewer
reason-hidden_question = This question does not apply to your earlier answers
reason-unknown_question = This question is not part of the survey
reason-unknown_text = This text is no longer part of the consultation: a finding or theme may have changed since the page was opened. Open the page again and translate what it lists
reason-options_of_one_question = Choose options of one question
reason-consultation_not_open = This consultation is not taking responses
reason-already_responded = You have already started a response
reason-invalid_ranking = Give each option a different rank, starting at 1 with no gaps
reason-survey_locked = People have responded, so the survey can no longer change: questions cannot be added, removed or moved, nor their options changed, because the answers depend on them. You can still fix typos in the wording of questions, hints, options and page titles
reason-survey_changed = The survey changed since you opened this form, so nothing was saved. The form now shows the survey as it is: check it, then send the form again if it is still needed
reason-weighting_empty_category = An option with a population share has no respondents, so nobody can stand for it. Leave it out with -
reason-duplicate_label = Another theme already has this label. Choose a different one
reason-same_theme = A theme cannot be merged into itself. Choose another theme
reason-not_long_text = Themes are found in the answers to long-text questions only
reason-themes_not_confirmed = Confirm the themes before mapping the answers
reason-no_answers = There are no written answers to analyse yet
# A field's own words for a problem (reason-<field>-<code>), so that an
# officer reads what to fix rather than a general "Answer the question".
reason-title-field_required = Enter a title
reason-title-field_too_long = The title is too long: shorten it
reason-title-field_too_long-limit = The title must be { $limit } characters or fewer
reason-summary-field_required = Enter a summary
reason-summary-field_too_long = The summary is too long: shorten it
reason-summary-field_too_long-limit = The summary must be { $limit } characters or fewer
reason-body-field_too_long-limit = The introduction must be { $limit } characters or fewer
reason-area-field_too_long-limit = The area must be { $limit } characters or fewer
reason-topics-field_too_long = Give at most 10 topics
reason-topics-field_too_long-limit = Each topic must be { $limit } characters or fewer
reason-strands-field_too_long = Give at most 10 strands, one on each line
reason-strands-field_too_long-limit = Each strand must be { $limit } characters or fewer
reason-documents-field_too_long = Link at most 20 documents, one on each line
reason-documents-line-no-bar = Line { $line }: write the document’s title, a bar (|), then its address
reason-documents-line-title = Line { $line }: write the document’s title before the bar (|)
reason-documents-line-title-long = Line { $line }: the document’s title must be { $limit } characters or fewer
reason-documents-line-address = Line { $line }: the address must start with https:// (or with / for a page of this site), with no spaces
reason-opens_at-field_required = Enter when it opens, as a real date and time
reason-closes_at-field_required = Enter when it closes, as a real date and time
reason-opens_at-invalid_date = Enter when it opens as a real date and time, for example 2027-02-04T17:00 for 4 February 2027 at 5pm
reason-closes_at-invalid_date = Enter when it closes as a real date and time, for example 2027-02-04T17:00 for 4 February 2027 at 5pm
reason-allow_anonymous-invalid_choice = Choose whether people can respond without an account
reason-language-unknown_locale = Choose the language you are writing in from the list
reason-language_has_translations = The language cannot change while the consultation has translations, because they were made from it. Remove the translations first (empty every text on each language’s translations page and save it), or write a new consultation in the other language
reason-name-field_required = Enter a name
reason-text-field_required = Enter the question
reason-text-field_too_long = The question must be 1,000 characters or fewer
reason-text-bad_request = The question holds characters that cannot be shown: type it again
reason-hint-field_too_long = The hint must be 1,000 characters or fewer
reason-hint-bad_request = The hint holds characters that cannot be shown: type it again
reason-purpose-field_too_long = Why you ask must be said in 1,000 characters or fewer
reason-purpose-bad_request = Why you ask holds characters that cannot be shown: type it again
reason-kind-invalid_choice = Choose the type of question
reason-demographic-invalid_choice = Choose what the question asks about the person
reason-options-field_required = Enter at least two options, one per line
reason-options-field_required-matrix = Enter at least one row, one per line
reason-options-field_too_long = Enter at most 50 options
reason-options-invalid_choice = Write each option on a line of its own, in 300 characters or fewer
reason-options-duplicate_label = Each answer option must be different: “{ $option }” is given twice
reason-options-duplicate_label-matrix = Each row must be different: “{ $option }” is given twice
reason-options-duplicate_label-demographic = Each area must be different: “{ $option }” is given twice
reason-max-too_many_choices = Enter a maximum between 1 and { $options }, the number of options
reason-max-out_of_range = Enter the maximum as a whole number, like 5
reason-max-out_of_range-long_text = Enter the most characters an answer may have, a whole number from 1 to 20,000
reason-min-out_of_range = Enter the minimum as a whole number, no larger than the maximum
reason-place-invalid_choice = Choose where the question goes
reason-page_title-invalid_choice = A title is for a new page: choose “On a new page” under “Where the question goes”, or leave the title empty
reason-place-field_too_long = The survey is full: it can have at most 200 questions on 30 pages
reason-show_if_question-invalid_choice = Choose the question this rule depends on
reason-show_if_options-field_required = Choose at least one answer that shows this question
reason-show_if_options-invalid_choice = Choose answers from the ones listed under the question
reason-skip_if_question-invalid_choice = Choose the question whose answers skip this page
reason-skip_if_options-field_required = Choose at least one answer that skips this page
reason-skip_if_options-invalid_choice = Choose answers from the ones listed under the question
reason-title-bad_request = Write the title on one line
reason-page_title-field_too_long = The page title is too long: shorten it
reason-page_title-field_too_long-limit = The page title must be { $limit } characters or fewer
reason-page_title-bad_request = Write the page title on one line
reason-question-invalid_choice = Choose the question the figure comes from
reason-row-invalid_choice = Choose one of the question’s rows
reason-option-invalid_choice = Choose one of the question’s options
reason-rows-field_required = Choose a question for the rows
reason-columns-field_required = Choose a question for the columns
reason-rows-unknown_question = Choose a question for the rows from the list
reason-columns-unknown_question = Choose a question for the columns from the list
reason-rows-invalid_choice = Choose a question for the rows from the list
reason-columns-invalid_choice = Choose a question for the columns from the list, other than the one for the rows
reason-show-invalid_choice = Choose what each cell shows

## Withdrawn, not yet published, and asking before withdrawing (ADR 22)

status-withdrawn = Withdrawn
consultation-withdrawn-title = This consultation has been withdrawn
consultation-withdrawn-text = It was withdrawn on { $when } and is no longer open to responses.
consultation-withdrawn-next = See the consultations you can take part in
results-not-published-yet = Results are not published yet
results-not-published-yet-text = The results of this consultation are not published yet. They will appear here once they are.
results-back-to-consultation = Back to the consultation
confirm-withdraw-consultation-title = Withdraw { $title }?
confirm-withdraw-consultation-lead = It will leave the list of consultations, nobody will be able to respond, and its page will say that it was withdrawn and when.
confirm-withdraw-consultation-lead-closed = It has closed already. Its page will no longer be public: it will leave the list of consultations, and its address will say that it was withdrawn and when.
confirm-withdraw-consultation-lead-closed-results = It has closed already. Its page and its results will no longer be public: it will leave the list of consultations, and its address will say that it was withdrawn and when.
confirm-withdraw-consultation-kept = { $count ->
    [0] Nobody has responded yet.
    [one] The 1 response it has is kept, and comes back if you publish it again.
   *[other] The { $count } responses it has are kept, and come back if you publish it again.
}
confirm-withdraw-consultation-button = Yes, withdraw the consultation
confirm-withdraw-results-title = Withdraw the results of { $title }?
confirm-withdraw-results-lead = The public will no longer see the results, nor any weighted figures published with them; its page will say the results are not published yet.
confirm-withdraw-results-kept = { $count ->
    [one] The 1 response is kept, and you can publish the results again.
   *[other] The { $count } responses are kept, and you can publish the results again.
}
confirm-withdraw-results-button = Yes, withdraw the results
confirm-remove-finding-title = Remove the finding { $title }?
confirm-remove-finding-published = It is published: it will be taken off the "What you told us" page and deleted.
confirm-remove-finding-draft = It is a draft: it will be deleted.
confirm-remove-finding-button = Yes, remove the finding
reason-consultation_withdrawn = This consultation has been withdrawn.
reason-not_published = This is not published, so there is nothing to withdraw. Nothing was changed.
reason-already_removed = This has already been removed. Nothing was changed.
reason-themes_already_confirmed = These themes are confirmed already. Nothing was changed.
reason-themes_changed = The themes have changed since you were asked to confirm them. Nothing was changed: look at them again, then confirm.

## What consultations show on the home page, Get involved and the staff's dashboard
home-open-heading = Open for your views now
home-open-empty = Nothing is open for your views at the moment. Consultations that have closed, and what they found, are on the consultations page.
home-open-all = See every consultation
get-involved-consultations = Consultations
get-involved-open = Open now
get-involved-open-empty = There are no open consultations at the moment.
get-involved-upcoming = Opening soon
get-involved-upcoming-empty = No consultations are due to open yet.
get-involved-closed = Recently closed
get-involved-closed-empty = No consultations have closed in the last three months.
listing-results-link = See the results of { $title }
manage-consultations = Consultations
manage-drafts = Drafts
manage-drafts-empty = There are no drafts.
manage-open = Open
manage-open-empty = No consultation is open.
manage-upcoming = Upcoming
manage-upcoming-empty = No consultation is due to open.
manage-closed = Closed
manage-closed-empty = No consultation has closed yet.
manage-withdrawn = Withdrawn
manage-withdrawn-empty = No consultation has been withdrawn.
manage-results-to-publish = Results to publish
manage-results-to-publish-empty = Every closed consultation has its results published.
manage-translations-missing = Translations missing
manage-translations-missing-empty = Every draft, open and upcoming consultation, and every closed one whose results or findings are shown, is fully translated.
manage-translation-note = { $language }: { $count }
manage-no-responses = No responses yet
manage-results = Results
manage-crosstabs = Crosstabs
manage-answers = Written answers and themes

## Stages that follow their dates
stage-automatic = Automatic (from the dates)
stage-state-hint = Automatic: to come before its date, now from its date until the next stage’s date, happened after that. Or choose where it stands yourself.
stage-automatic-shown = { $state } (from the dates)
stage-stopped = Stopped when the consultation was withdrawn
consultation-dates-closed-on = on { $closes }
consultation-dates-withdrawn-on = on { $when }
we-did-summary-link = We asked, you said, we did: what the council did in response

## Publication guards
consultation-publish-needs-questions = Add at least one question before publishing.
reason-no_questions = Add at least one question before publishing.
reason-no_responses = Nobody has responded yet, so there are no results to publish.
reason-consultation_draft = Publish the consultation before its results: it is not published.
confirm-publish-consultation-title = Publish { $title }?
confirm-publish-upcoming = Everyone will be able to read it. It will be listed under “{ get-involved-upcoming }” on { nav-get-involved }, and open on { $opens }: then it will be listed on the home page too, and take responses until { $closes }.
confirm-publish-open = Everyone will be able to read it, and it will be listed on the home page and under “{ get-involved-open }” on { nav-get-involved }. It will take responses straight away, until { $closes }.
confirm-publish-closed-recently = Its closing date, { $closes }, has passed: nobody will be able to respond. Everyone will be able to read it: it will be listed with the closed consultations, and under “{ get-involved-closed }” on { nav-get-involved } until three months after it closed.
confirm-publish-closed = Its closing date, { $closes }, has passed: nobody will be able to respond. Everyone will be able to read it: it will be listed with the closed consultations.
confirm-publish-size = The survey has { $questions ->
    [one] 1 question
   *[other] { $questions } questions
} on { $pages ->
    [one] 1 page.
   *[other] { $pages } pages.
}
confirm-publish-locks = Once anyone has responded, questions can no longer be added, removed or moved, but you can still fix their wording.
confirm-publish-consultation-button = Yes, publish the consultation
confirm-publish-translations = Some of this consultation’s texts are not ready in every language. You can still publish: where a translation is missing or needs review, readers see the original.
confirm-publish-untranslated = { $all ->
    [one] { $language }: the one text is not translated yet.
   *[other] { $language }: { $count } of { $all } texts not translated yet.
}
confirm-publish-stale = { $all ->
    [one] { $language }: the one text needs review, as its original has changed since it was translated.
   *[other] { $count ->
        [one] { $language }: 1 of { $all } texts needs review, as its original has changed since it was translated.
       *[other] { $language }: { $count } of { $all } texts need review, as their originals have changed since they were translated.
    }
}
confirm-publish-translate = See the translations into { $language }
consultation-survey-size = { $questions ->
    [0] No questions yet
    [one] 1 question
   *[other] { $questions } questions
}{ $pages ->
    [0] {""}
    [one] {" "}on 1 page
   *[other] {" "}on { $pages } pages
}

## Preview
preview-link = Preview the survey
preview-title = Preview
preview-heading = Preview: answers are not saved
preview-text = This is the survey exactly as respondents see it. Pages and questions appear as your answers lead to them; nothing you enter is kept.
preview-untranslated = { $missing ->
    [0] Every text in the survey has a translation into this language.
    [one] 1 of the { $all } texts in the survey is not translated into this language: respondents see it in { $language }.
   *[other] { $missing } of the { $all } texts in the survey are not translated into this language: respondents see them in { $language }.
}
preview-to-review = { $stale ->
    [one] 1 text in the survey has a translation to review, as its original has changed: respondents see it in { $language } until the translation is checked.
   *[other] { $stale } texts in the survey have translations to review, as their originals have changed: respondents see them in { $language } until the translations are checked.
}
preview-of-all = The survey holds { $all } of the consultation’s { $total } texts to translate; the consultation’s page counts them all.
preview-languages = Preview in
preview-again = Start the preview again
preview-leave = Leave the preview
preview-empty = There are no questions to preview yet.
preview-check-lead = Respondents check their answers here before sending them. In a preview nothing is sent.
preview-end = End the preview
done-preview-ended = The preview has ended. Nothing was saved.

## Fixing the wording after responses
wording-title = Fix the wording
wording-title-of = Fix the wording of page { $page } ({ $language })
wording-lead = Fix typos and unclear wording of this page’s questions, hints, options and title. People have already answered, so keep the meaning: how many options there are, their order and the questions themselves stay as they are.
wording-lead-translation = Correct the translation of this page’s texts. A text left empty shows in the original language.
wording-lead-history = Each change is recorded in the consultation’s history with what it said before. Translations of a changed text are marked as needing review.
wording-save = Save the wording
wording-languages = Fix the wording in
wording-error-text-required = Enter the question
wording-error-row-required = Enter the row’s label
wording-error-option-required = Enter the option’s label
wording-error-too-long = This must be { $limit } characters or fewer
wording-error-one-line = Keep this on one line
wording-error-characters = Remove the characters that cannot be shown
wording-error-unknown = This text is no longer on this page: open the page again
wording-locked-title = The survey’s questions can no longer change
wording-fix-link = Fix the wording instead
done-wording-fixed = The wording was fixed. The change is in the history, and its translations are marked as needing review.
done-wording-unchanged = Nothing was changed: the wording was already as sent.

## History
history-heading = History
history-when = When
history-who = Who
history-what = What changed
history-before = Before
history-after = After
history-empty = Nothing has been recorded for this consultation yet.
history-someone = Not known
history-in-language = { $what } ({ $language })
history-consultation-create = Created the consultation
history-consultation-update = Changed the details
history-consultation-survey = Changed the survey
history-consultation-stages = Changed the timeline
history-consultation-publish = Published the consultation
history-consultation-unpublish = Withdrew the consultation
history-consultation-results-publish = Published the results
history-consultation-results-withdraw = Withdrew the results
history-consultation-translate = Saved a translation
history-stage-added = Added the stage “{ $stage }” to the timeline
history-stage-removed = Removed the stage “{ $stage }” from the timeline
history-stage-changed = Changed the stage “{ $stage }”: { $parts }
history-stage-part-name = name
history-stage-part-date = date
history-stage-part-status = where it stands
history-stage-part-text = description
history-stage-part-link = what it links to
history-translation-saved = { $of ->
    [one] Saved the translation into { $language }: { $texts } of 1 text
   *[other] Saved the translation into { $language }: { $texts } of { $of } texts
}
history-consultation-wording = Fixed the wording
history-survey-added = Added the question “{ $question }” on page { $page }
history-survey-added-anywhere = Added the question “{ $question }”
history-survey-removed = Removed the question “{ $question }” from page { $page }
history-survey-removed-anywhere = Removed the question “{ $question }”
history-survey-place = Moved “{ $question }” to page { $page }
history-survey-place-within = Moved “{ $question }” within page { $page }
history-survey-kind = Changed the type of “{ $question }”
history-survey-required = Changed whether “{ $question }” must be answered
history-survey-text = Reworded question { $number }
history-survey-text-gone = Reworded a question since removed
history-survey-hint = Changed the hint of “{ $question }”
history-survey-purpose = Changed why “{ $question }” is asked
history-survey-options = Changed the options of “{ $question }”
history-survey-limits = Changed the limits of “{ $question }”
history-survey-shown = Set when “{ $question }” is shown
history-survey-page-title = Renamed page { $page }
history-survey-page-title-named = Named page { $page }
history-survey-page-title-cleared = Removed the title of page { $page }
history-survey-no-title = No title
history-survey-no-hint = No hint
history-survey-no-purpose = No reason given
history-survey-page-skipped = Set when page { $page } is skipped
history-survey-page-added = Added page { $page }
history-survey-page-removed = Removed page { $page }, which had no questions left
history-survey-pages = { $after ->
    [0] The survey now has no pages (it had { $before })
    [one] The survey now has 1 page (it had { $before })
   *[other] The survey now has { $after } pages (it had { $before })
}
history-survey-more = { $count ->
    [one] 1 more change to the survey
   *[other] { $count } more changes to the survey
}
history-survey-never = Never
history-survey-skipped-if = If the answer to “{ $question }” is { $options }
history-survey-at = Page { $page }, question { $position }
history-survey-limits-range = From { $min } to { $max }
history-survey-limits-min = At least { $min }
history-survey-limits-max = At most { $max }
history-survey-limits-none = No limits
history-responses-export = Downloaded the responses
history-special-category-view = Looked at answers holding special-category data
history-special-category-export = Downloaded answers holding special-category data
history-themes-run = Looked for themes in written answers
history-themes-confirm = Confirmed a set of themes
history-themes-map = Sorted written answers into themes
history-themes-review = Chose the themes of a written answer
history-finding-add = Added a finding
history-finding-publish = Published a finding
history-finding-withdraw = Withdrew a finding
history-finding-remove = Removed a finding
history-finding-what-we-did = Said what the council did
history-themes-add = Added a theme
history-themes-rename = Renamed a theme
history-themes-merge = Merged two themes
history-themes-delete = Deleted a theme
history-themes-split = Split answers into a new theme
consultation-withdrawn-on = Withdrawn
consultation-withdrawn-when-by = on { $when }, by { $who }
consultation-withdrawn-notice = This consultation was withdrawn { $when_by }. Only staff can see it until it is published again.

## Analysts' pages: a ranking's places, cells routing never asks, theme
## forms that name their fields, and merging or deleting a theme asked first

response-rank = Rank { $rank }: { $option }
figure-not-asked-symbol = –
figure-not-asked = Not asked (routing)
figure-not-asked-key = Not asked (routing): the survey’s routing never asked this question of these respondents, so the cell is empty by design. It is not a hidden figure.
themes-no-theme = No theme
themes-no-theme-hint = Answers in no theme: those counted separately below, and those whose theme was deleted.
themes-field-label-hint = A short name, 100 characters or fewer.
themes-field-into-choose = Choose a theme
reason-label-field_required = Enter a name for the theme
reason-label-field_too_long-limit = The theme’s name must be { $limit } characters or fewer
reason-label-bad_request = Write the theme’s name on one line
reason-label-duplicate_label = A theme with this name already exists: choose a different name
reason-label-duplicate_label-named = A theme called “{ $label }” already exists: choose a different name
reason-description-field_too_long-limit = The theme’s description must be { $limit } characters or fewer
reason-into-field_required = Choose the theme to merge this one into
reason-into-invalid_choice = Choose one of the themes listed to merge this one into
reason-into-same_theme = A theme cannot be merged into itself: choose another theme
reason-examples-field_required = Choose at least one answer for the theme
reason-examples-invalid_choice = Choose answers this theme holds, or give the reference numbers of answers to this question
reason-examples-too_many_choices = Choose at most 50 answers
themes-merge-ask-title = Merge “{ $theme }” into “{ $into }”?
themes-merge-ask-what = { $count ->
    [0] “{ $theme }” holds no answers now; its example answers will move to “{ $into }”.
    [one] The 1 answer in “{ $theme }” will move to “{ $into }”, with its example answers.
   *[other] The { $count } answers in “{ $theme }” will move to “{ $into }”, with its example answers.
}
themes-merge-ask-button = Yes, merge these themes
themes-delete-ask-title = Delete the theme “{ $theme }”?
themes-delete-ask-what = { $count ->
    [0] “{ $theme }” holds no answers now.
    [one] The 1 answer in “{ $theme }” will be counted under “No theme”.
   *[other] The { $count } answers in “{ $theme }” will be counted under “No theme”.
}
themes-delete-ask-button = Yes, delete this theme
themes-ask-record = “{ $theme }” will be listed under deleted and merged themes: it is marked, not erased, and the audit log keeps what it was.
themes-ask-confirm-again = These themes are confirmed: after this change they must be confirmed again, and the answers mapped again.
