## The JSON API's error sentences (ADR 29): the `detail` of a problem
## and of each item of its `errors`. They speak of the request, its
## members and headers, for the people who write API clients; pages use
## the `reason-…` messages instead. Variables: $name (the member), $field
## (a member, question id or page-N), $pointer (JSON Pointer), $expected,
## $limit, $reason (the JSON parser's words), $minutes, $count.

api-problems = { $count ->
    [one] The request has one problem, listed in `errors`.
   *[other] The request has { $count } problems, each listed in `errors` with where it is.
}
api-malformed-json = The body is not valid JSON: { $reason }.

# The body's shape, checked against the schema in the OpenAPI document.
api-schema-type = `{ $pointer }` must be of type { $expected }.
api-schema-type-body = The body must be of type { $expected }.
api-schema-unknown = `{ $pointer }` is not a member this request takes: check its spelling against the schema.
api-schema-required = `{ $pointer }` is required.
api-schema-enum = `{ $pointer }` must be one of { $expected }.
api-schema-max-length = { $limit ->
    [one] `{ $pointer }` must be at most one character long.
   *[other] `{ $pointer }` must be at most { $limit } characters long.
}
api-schema-max-items = { $limit ->
    [one] `{ $pointer }` must have at most one item.
   *[other] `{ $pointer }` must have at most { $limit } items.
}
api-schema-min-items = `{ $pointer }` must have at least { $limit ->
    [one] one item
   *[other] { $limit } items
}.
api-schema-minimum = `{ $pointer }` must be { $limit } or more.
api-schema-maximum = `{ $pointer }` must be { $limit } or less.
api-schema-too-deep = The body is nested more deeply than this API reads.
api-schema-serde = `{ $pointer }`: { $reason }.

# A survey's problems, named by question (`$field`: its id, or page-N).
api-survey-choices = Question `{ $field }`: `{ $name }` must list from 2 to 50 items (a matrix's `rows` from 1), none of them blank and each at most 300 characters.
api-survey-text = Question `{ $field }` needs its `text`.
api-survey-too-long = `{ $pointer }` is too long: texts are at most 1,000 characters, page titles 150, and a survey has at most 30 pages and 200 questions.
api-survey-duplicate = `{ $pointer }` repeats an earlier item of the list (ignoring case and spaces): each must be different.
api-survey-id = `{ $pointer }` must be 1 to 40 letters, digits, `_` or `-`.
api-survey-id-taken = Another question already has the id `{ $field }`: each question's `id` must be unique in the survey.
api-survey-max = Question `{ $field }`: `max` must be from 1 to the number of options.
api-survey-range = Question `{ $field }`: `{ $name }` is out of range (`min` may not be above `max`, and `max_chars` is from 1 to 20,000).
api-survey-purpose = Question `{ $field }` asks for special-category data, so it needs a `purpose` that tells respondents why it is asked.
api-survey-rule = `{ $pointer }`: a rule must name a choice question on an earlier page, and options that question has, numbered from 0.

# When the clocks change in the site's time zone.
api-clock-gap = `{ $name }` names a local time that does not exist: the clocks go forward at { $from } to { $to }. Give a time outside the change, or an instant with `Z` or an offset such as `+01:00`.
api-clock-fold = `{ $name }` names a local time that happens twice: the clocks go back from { $from } to { $to }. Give a time outside the change, or an instant with `Z` or an offset such as `+01:00`.

# Each code, for an error as a whole (api-<code>) or for one member
# (api-field-<code>, and api-<member>-<code> for a member's own words).
api-bad_request = The request is not in the form this API takes: compare it with the OpenAPI document at `/api/v1/openapi.json`.
api-field-bad_request = `{ $name }` is not in the form this API takes.
api-documents-bad_request = Each document needs a `title` and a `url` starting with `https://`, `http://` or `/` (a page of this site), without spaces.
api-actor-bad_request = `actor` must be an account's id (a UUID).
api-limit-bad_request = `limit` must be a whole number.
api-invalid_utf8 = The request holds bytes that are not UTF-8, in its address or its body.
api-nul_character = The request holds the character U+0000, which no text on this site can hold.
api-query_too_long = A query parameter is too long: each may be at most 1,000 characters.
api-field-unknown_field = `{ $name }` is not a member this request takes.
api-field-invalid_type = `{ $name }` is of the wrong type.
api-field-too_few_items = `{ $name }` has too few items.
api-unknown_locale = The site has no such language: use a language tag it has, such as `en` or `ar`.
api-field-unknown_locale = `{ $name }` must be a language tag the site has, such as `en` or `ar`.
api-unknown_page = The site has no such page.
api-page-unknown_page = `page` must name one of the site's pages: `home`, `get_involved`, `about`, `accessibility`, `privacy` or `cookies`.
api-field-invalid_choice = `{ $name }` is not one of the values allowed here.
api-status-invalid_choice = `status` must be `upcoming`, `open` or `closed`.
api-form_key-invalid_type = `form_key` must be 32 to 128 hexadecimal digits, new and random for each comment.
api-state-invalid_choice = `state` must be `happened`, `current` or `to_come`.
api-link-invalid_choice = `link` must be `none`, `survey`, `results` or `findings`.
api-change-invalid_choice = `change` must be `rename`, `merge`, `split`, `delete` or `add`.
api-field-field_too_long = `{ $name }` is too long.
api-field-too-long-limit = { $limit ->
    [one] `{ $name }` must be at most one character long.
   *[other] `{ $name }` must be at most { $limit } characters long.
}
api-field-field_required = `{ $name }` is required and may not be blank.
api-field-invalid_slug = `{ $name }` may hold only letters, digits, `_` and `-`.
api-field-invalid_email = `{ $name }` must be an email address, like `name@example.org`.
api-field-password_too_short = `{ $name }` must be at least 12 characters long.
api-field-password_too_long = `{ $name }` must be at most 256 characters long.
api-field-password_too_common = `{ $name }` is too common or too easy to guess: choose another.
api-field-display_name_too_short = `{ $name }` must be at least 2 characters long.
api-field-display_name_reserved = `{ $name }` may not look like a staff title, such as "Moderator" or "City Hall".
api-field-display_name_invisible_characters = `{ $name }` holds invisible characters: send it without them.
api-invalid_credentials = The email address or password is not right.
api-field-invalid_credentials = `{ $name }` is not the account's password.
api-account_suspended = The account is suspended.
api-account_suspended-until = This account cannot comment or reply until { $until } (UTC): a moderator suspended it from commenting.
api-invalid_token = The token is not known, has been used, or has expired.
api-field-invalid_token = `{ $name }` is not known, has been used, or has expired.
api-respondent_token-invalid_token = `X-Respondent-Token` is not a token this site issued for responses to this consultation.
api-csrf_token_invalid = Send the session's `csrf_token` (from `POST /api/v1/session` or `GET /api/v1/me`) in the `X-CSRF-Token` header.
api-sign_in_required = This call needs a signed-in session: sign in with `POST /api/v1/session` and send the cookie it sets.
api-cannot_target_self = An administrator cannot do this to their own account: another administrator can.
api-field-invalid_org_identifier = `{ $name }` must be an identifier from a register we know, such as `GB-CHC-1234567`, `GB-COH-01234567` or `GB-LAE-BIR`.
api-field-invalid_phone = `{ $name }` must be a telephone number, like `020 7946 0000` or `+44 20 7946 0000`.
api-field-invalid_url = `{ $name }` must be a web address starting with `https://` or `http://`, with a host and no password.
api-field-invalid_hours = `{ $name }` must be opening hours like `Mon-Fri 09:00-17:00; Sat 10:00-13:00` or `24/7`.
api-confirmation_required = This needs confirming: send the confirmation the schema describes.
api-field-confirmation_required = `{ $name }` must be `true` to confirm this.
api-already_member = The account is already a member of this organisation.
api-field-already_registered = `{ $name }` is already registered.
api-email_not_verified = Confirm the account's email address first, with the link that was emailed.
api-last_administrator = This is the only administrator: make someone else an administrator first.
api-field-invalid_date = `{ $name }` must be a date, written `YYYY-MM-DD`.
api-opens_at-invalid_date = `opens_at` must be a date and time: `YYYY-MM-DDTHH:MM` in the site's time zone, or an RFC 3339 timestamp with `Z` or an offset (`2027-01-31T17:00Z`).
api-closes_at-invalid_date = `closes_at` must be a date and time: `YYYY-MM-DDTHH:MM` in the site's time zone, or an RFC 3339 timestamp with `Z` or an offset (`2027-01-31T17:00Z`).
api-field-closes_before_opens = `{ $name }` must be after `opens_at`.
api-closes_at-closes_before_opens = `closes_at` must be after `opens_at`.
api-field-time_does_not_exist = `{ $name }` names a local time that does not exist, because the clocks go forward then: give a time outside the change, or an offset.
api-field-time_is_ambiguous = `{ $name }` names a local time that happens twice, because the clocks go back then: give a time outside the change, or an offset.
api-invalid_survey = The survey cannot be saved as it is: every problem is listed in `errors`.
api-field-invalid_survey = `{ $name }`: a rule must name a choice question on an earlier page, and options that question has.
api-field-purpose_required = `{ $name }` is required for a special-category question: say why it is asked.
api-field-too_many_choices = `{ $name }`: more options were chosen than the question allows.
api-field-out_of_range = `{ $name }` is outside the range allowed.
api-field-hidden_question = `{ $name }` does not apply given the earlier answers (its `show_if` rule does not hold): leave it out.
api-field-unknown_question = `{ $name }` is not a question of this survey.
api-field-unknown_text = `{ $name }` is not, or is no longer, one of the texts here: read them again and send what they list now.
api-field-options_of_one_question = `{ $name }` must all be options of one question.
api-consultation_not_open = The consultation is not taking responses now: see its `opens_at` and `closes_at`.
api-discussion_not_open = The discussion is not taking comments now: see its `opens_at` and `closes_at`, and whether it was imported.
api-reply_not_allowed = You cannot reply to that comment: it is in another discussion, or it was hidden or deleted.
api-edit_window_passed = A comment can be changed only in the 15 minutes after it is posted.
api-already_reported = You have already reported this comment; moderators have your report.
api-statement_not_votable = This statement takes no votes: it is waiting for a moderator or has been hidden.
api-discussion_imported = The discussion was imported from elsewhere: it is read-only, and its details cannot change.
api-stage_has_discussions = A discussion is part of a stage this change would remove, or of one after it: the discussion would be left part of no stage, or moved to another. Link it to another stage, or to none (its `consultation_stage`), first.
api-unknown_consultation = No consultation has that `consultation_id`: list them with `GET /api/v1/consultations`.
api-field-unknown_consultation = `{ $name }` names no consultation: list them with `GET /api/v1/consultations`.
api-unknown_stage = The consultation's timeline has no stage at that place: read it with `GET /api/v1/consultations/…` (stages count from 0).
api-stage_ended = That stage of the consultation has already ended: link the discussion to a stage still to come or under way.
api-field-stage_ended = `{ $name }` names a stage of the consultation that has already ended: choose one still to come or under way.
api-field-unknown_stage = `{ $name }` names a stage the consultation's timeline does not have: read it with `GET /api/v1/consultations/…` (stages count from 0).
api-already_responded = The account has already responded to this consultation.
api-field-invalid_ranking = `{ $name }`: give each option a different rank, from 1 with no gaps.
api-survey_locked = People have responded, so the survey's structure can no longer change.
api-language_has_translations = The consultation has translations, which were made from the language it is written in, so that language cannot change. Remove the translations first (save each language's translations empty), or write a new consultation in the other language.
api-field-language_has_translations = `{ $name }` cannot change while the consultation has translations: remove them first (save each language's translations empty), or write a new consultation in the other language.
api-survey_changed = The survey has changed since the form was built, so nothing was changed; build the change again on the survey as it is now.
api-field-weighting_empty_category = `{ $name }`: an option with a population share has no respondents; leave it out with `-`.
api-field-duplicate_label = `{ $name }`: another theme already has this label.
api-field-same_theme = `{ $name }`: a theme cannot be merged into itself.
api-not_long_text = Themes are found only in the answers to `long_text` questions.
api-themes_not_confirmed = Confirm the themes (`POST …/themes/confirmation`) before mapping the answers.
api-themes_already_confirmed = These themes are confirmed already; nothing was changed.
api-themes_changed = The themes changed after the confirmation was asked for (discovery ran again, or a theme was added, merged, split or deleted); nothing was changed.
api-no_answers = There are no written answers to analyse yet.
api-consultation_withdrawn = The consultation has been withdrawn from the public.
api-not_published = It is not published (yet): there is nothing to read or to withdraw; nothing was changed.
api-no_questions = The survey has no questions; add at least one (`PUT …/survey`) before publishing.
api-no_responses = Nobody has responded, so there are no results to publish.
api-date_in_future = The date is after today: give the day it happened, today or earlier.
api-markup_not_allowed = The text holds markup (HTML tags); send plain text.
api-consultation_draft = The consultation is not published; publish it before its results.
api-already_removed = It has already been removed; nothing was changed.
api-role_already_held = The account already has this role; nothing was changed.
api-role_not_held = The account does not have this role; nothing was changed.
api-already_suspended = The account is already suspended; nothing was changed.
api-message_already_sent = The message has gone out already; it can no longer be changed or sent.
api-not_suspended = The account is not suspended; nothing was changed.
api-forbidden = The signed-in account may not do this.
api-cross_site_request = The request came from another site, by its `Origin` or `Sec-Fetch-Site` header.
api-not_found = There is nothing at this address, or nothing the caller may see.
api-method_not_allowed = This address does not take this method: the `Allow` header lists those it takes.
api-request_timeout = The request took too long: send it again.
api-payload_too_large = The body is larger than this site takes.
api-unsupported_media_type = Send the body as JSON, with the header `Content-Type: application/json`.
api-rate_limited = Too many requests of this kind from this client: try again in about { $minutes ->
    [one] a minute
   *[other] { $minutes } minutes
} (`Retry-After` gives the seconds).
api-internal_error = Something went wrong on the server. Quote the `request_id` if you report it.
api-service_unavailable = Nothing you sent has been saved. Try again in a moment (`Retry-After` gives the seconds).
