## Officers' pages of discussions: writing, managing and publishing one,
## and the discussions' panel of the staff's dashboard.

discussion-staff-new-title = Create a discussion
discussion-staff-edit-title = Change the discussion’s details
discussion-staff-manage = Discussion
discussion-staff-field-title = Title
discussion-staff-field-introduction = Introduction
discussion-staff-field-introduction-hint = What the discussion is about and why you are asking. You can use Markdown: *emphasis*, lists, headings and links.
discussion-staff-field-questions = Guiding questions
discussion-staff-field-questions-hint = Optional. One per line, up to 10, each 300 characters or fewer: they help people start.
discussion-staff-field-topics = Topics
discussion-staff-field-topics-hint = Separate topics with commas, for example: hate crime, online safety
discussion-staff-field-area = Area
discussion-staff-field-opens = Opens for comments
discussion-staff-field-closes = Closes for comments
discussion-staff-field-language = Which language are you writing in?
discussion-staff-field-language-hint = Your texts are marked with this language on every page.
discussion-staff-field-pre-moderation = Pre-moderation
discussion-staff-field-pre-moderation-hint = Whether comments wait for a moderator before everyone can read them. Staff and moderators are never held.
discussion-staff-pre-moderation-off = Off: comments are published straight away
discussion-staff-pre-moderation-first = A member’s first comments wait for a moderator
discussion-staff-pre-moderation-all = Every comment waits for a moderator
discussion-staff-pre-moderation-first-n = { $count ->
    [one] A member’s first comment on the site waits for a moderator
   *[other] A member’s first { $count } comments on the site wait for a moderator
}
discussion-staff-field-first-comments = How many first comments wait
discussion-staff-field-first-comments-hint = Only with “first comments”: a whole number from 1 to { $max }. A member’s comments are counted across the whole site, so someone whose comments have already been published elsewhere is not held again.
discussion-staff-field-consultation-stage = Part of a consultation
discussion-staff-field-consultation-stage-hint = Optional. Choose the stage of a consultation’s timeline this discussion belongs to: its page and the consultation’s timeline then link to each other once both are published. Stages that have already ended are not offered.
discussion-staff-not-linked = Not linked
discussion-staff-stage-choice = { $consultation } — stage { $number }: { $stage }
discussion-staff-imported = This discussion was imported from elsewhere: it is closed and read-only. You can still publish or withdraw it.
discussion-staff-edit-details = Change the details
discussion-staff-edit-details-hidden = of the discussion: its dates, texts and pre-moderation
discussion-staff-language = Language
discussion-staff-questions-row = Guiding questions
discussion-staff-questions-count = { $count ->
    [0] None
    [one] 1 question
   *[other] { $count } questions
}
discussion-staff-published = Published
discussion-staff-comments = Comments
discussion-staff-comment-count = { $count ->
    [0] No comments yet
    [one] 1 comment everyone can read
   *[other] { $count } comments everyone can read
}
discussion-staff-view-public = View the public page
discussion-staff-publish = Publish the discussion
discussion-staff-unpublish = Withdraw the discussion
discussion-staff-close-now = Close the discussion now

done-discussion-created = The discussion was created as a draft.
done-discussion-saved = The details were saved.
done-discussion-published = The discussion is published.
done-discussion-unpublished = The discussion was withdrawn.
done-discussion-closed = The discussion is closed. Nobody can comment on it from now on.

confirm-publish-discussion-title = Publish “{ $title }”?
confirm-publish-discussion-upcoming = Everyone will be able to read it. It opens for comments on { $opens } and closes on { $closes }.
confirm-publish-discussion-upcoming-same-day = Everyone will be able to read it. It opens for comments on { $day } at { $opens } and closes at { $closes }.
confirm-publish-discussion-open = Everyone will be able to read it, and members can comment straight away, until { $closes }.
confirm-publish-discussion-closed = Its closing date, { $closes }, has passed: everyone will be able to read it, but nobody can comment.
confirm-publish-discussion-imported = It was imported: everyone will be able to read it and its comments, but nobody can comment.
confirm-publish-discussion-button = Yes, publish the discussion
confirm-withdraw-discussion-title = Withdraw “{ $title }”?
confirm-withdraw-discussion-lead = It will leave the list of discussions, its page will no longer be public, and nobody will be able to comment.
confirm-withdraw-discussion-kept = { $count ->
    [0] Nobody has commented yet.
    [one] The 1 comment it has is kept, and comes back if you publish it again.
   *[other] The { $count } comments it has are kept, and come back if you publish it again.
}
confirm-withdraw-discussion-button = Yes, withdraw the discussion
confirm-close-discussion-title = Close “{ $title }” now?
confirm-close-discussion-lead = It is due to close on { $closes }. Closing it now makes its closing date today, at this moment.
confirm-close-discussion-after = Nobody will be able to comment on it from now on. Everyone can still read it, and the people who follow it are told it has closed. To open it again, change its closing date in its details.
confirm-close-discussion-button = Yes, close the discussion now

discussion-staff-panel = Discussions
discussion-staff-create = Create a discussion
discussion-staff-drafts = Drafts and withdrawn
discussion-staff-drafts-empty = There are no draft or withdrawn discussions.
discussion-staff-open = Open
discussion-staff-open-empty = No discussion is open.
discussion-staff-upcoming = Upcoming
discussion-staff-upcoming-empty = No discussion is due to open.
discussion-staff-closed = Closed
discussion-staff-closed-empty = No discussion has closed yet.

reason-introduction-field_required = Enter an introduction
reason-introduction-field_too_long-limit = The introduction must be { $limit } characters or fewer
reason-questions-field_too_long = Give at most 10 guiding questions, each 300 characters or fewer
reason-questions-field_too_long-limit = Give at most 10 guiding questions, each 300 characters or fewer
reason-pre_moderation-invalid_choice = Choose whether comments wait for a moderator
reason-first_comments-out_of_range = Enter how many first comments wait, a whole number from 1 to 20
reason-consultation_stage-invalid_choice = Choose a consultation stage from the list, or “Not linked”
reason-unknown_consultation = That consultation no longer exists: choose another stage, or “Not linked”
reason-stage_ended = That stage of the consultation has already ended: choose a stage still to come or under way, or “Not linked”
reason-unknown_stage = That stage is no longer in the consultation’s timeline: choose another stage, or “Not linked”
reason-discussion_imported = This discussion was imported: it is read-only, and its details cannot change.

discussion-staff-status-draft = Draft
discussion-staff-status-upcoming = Upcoming
discussion-staff-status-open = Open
discussion-staff-status-closed = Closed
discussion-staff-dates-upcoming = Opens { $opens }, closes { $closes }
discussion-staff-dates-upcoming-same-day = Opens at { $opens } and closes at { $closes } on { $day }
# A draft in the officers' lists: the dates it is planned to run.
discussion-staff-dates-draft = Planned to open { $opens } and close { $closes }
discussion-staff-dates-draft-same-day = Planned to open at { $opens } and close at { $closes } on { $day }
discussion-staff-dates-open = Closes { $closes }
discussion-staff-dates-closed = Closed { $closes }
discussion-staff-opens = Opens
discussion-staff-opened = Opened
discussion-staff-closes = Closes
discussion-staff-ran = Ran
discussion-staff-ran-dates = from { $opens } to { $closes }
discussion-staff-ran-dates-same-day = on { $day } from { $opens } to { $closes }
confirm-remove-stage-title = Remove the statements stage from “{ $title }”?
confirm-remove-stage-lead = Residents will no longer be able to vote on statements or add their own, and the stage’s link leaves the discussion’s page. Nothing is deleted: the statements and votes are kept, and adding the stage again brings them back.
