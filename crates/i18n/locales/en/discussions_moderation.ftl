## Moderators' pages of discussions: the queue, one comment's decisions,
## the word lists, the Manage panel's group, and an author's appeal.

moderation-title = Moderation
moderation-panel = Moderation
moderation-open-queue = Open the moderation queue
moderation-back = Back to the moderation queue
moderation-empty = Nothing is waiting.
moderation-count = { $count ->
    [one] 1 comment or statement is waiting for a moderator.
   *[other] { $count } comments and statements are waiting for a moderator.
}
moderation-count-more = More than { $count } comments and statements are waiting for a moderator.
moderation-filter-any = Any
moderation-filter-reason = Reported for
moderation-filter-discussion = Discussion
moderation-filter-language = Discussion’s language
moderation-filter-flag = Only those
moderation-filter-button = Show what is waiting
moderation-flag-held = Held
moderation-flag-reported = Reported
moderation-flag-appealed = Appealed
moderation-flag-escalated = Escalated
moderation-flag-statements = Statements (held)

moderation-item-title = Decide on a comment
moderation-item-heading = Comment by { $name }
moderation-row-comment = Comment
moderation-row-statement = Statement
moderation-statement-heading = Held statement { $number }
moderation-statement-decide = Approve or hide it on the discussion’s statements page
moderation-row-author = Author
moderation-author-badge = { $name } ({ $badge })
moderation-row-posted = Posted
moderation-row-state = Now
moderation-state-published = Shown to everyone
moderation-state-held = Held for a moderator
moderation-state-hidden = Hidden by a moderator
moderation-state-deleted = Deleted by its author
moderation-state-removed = Removed with its author’s account
moderation-view-in-discussion = See it in the discussion
moderation-row-discussion = Discussion
moderation-open-discussion = Open the discussion
moderation-row-parent = In reply to { $name }
moderation-row-why = Why it is here
moderation-row-report-note = What the reporter wrote
moderation-reports-of = { $count ->
    [one] Reported once: { $reason }
   *[other] Reported { $count } times: { $reason }
}
moderation-reason-word = Contains “{ $entry }” from the word list
moderation-reason-repeat = Repeats a comment already posted
moderation-reason-repeat-of = Repeats the comment { $name } posted { $when }: “{ $text }”
moderation-row-repeated = The comment it repeats, by { $name }
moderation-repeated-open = Read it in its thread
moderation-reason-links = Has many links
moderation-reason-first-comments = A member’s first comments are checked
moderation-reason-all-comments = All comments are checked
moderation-reason-near-repeat = Nearly the same as a comment already posted
moderation-reason-near-repeat-of = Nearly the same as the comment { $name } posted { $when }: “{ $text }”
moderation-reason-campaign = { $count ->
    [one] Part of a campaign: the same text from several accounts within { $hours } hours
   *[other] Part of a campaign: the same text from several accounts within { $hours } hours ({ $count } comments, listed below)
}
moderation-reason-rate = Its author has posted { $count } comments or more in the last { $minutes } minutes
moderation-reason-classifier = The classifier (version { $version }) gives it a { $percent }% chance of being hidden; the words that weighed most: { $words }
moderation-reason-ngram = “{ $ngram }”
moderation-row-campaign-member = Same campaign: { $name }
moderation-campaign-open = Open this comment
moderation-reason-appeal = Its author appealed a decision
moderation-row-record = Author’s record
moderation-record = Comments: { $comments }. Hidden: { $hidden }. Warnings and suspensions: { $sanctions }.
moderation-row-appeal = Appeal
moderation-outside-heading = Reported as a threat or terrorist content: check it first
moderation-outside-threats = Someone reported this as a threat. If you judge that it threatens someone’s life or safety, call the emergency services on 999 or 112 now, then record what you did.
moderation-outside-extremist = Someone reported this as terrorist content. If you judge that it is, report it through the national online reporting route for terrorist content, then record what you did.
moderation-outside-button = Record that this was done

moderation-action-label = Decision
moderation-action-approve = Approve: show it, or keep it as it is
moderation-action-hide = Hide it from the public
moderation-action-restore = Show a hidden comment again
moderation-action-redact = Remove personal information
moderation-action-warn = Warn its author
moderation-action-suspend = Stop its author commenting for some days
moderation-action-escalate = Pass it to a senior moderator
moderation-action-outside-action = Record that action outside the platform was taken
moderation-reason-label = Reason everyone will read (when hiding)
moderation-reason-hint = Choose one when you hide a comment.
moderation-words-label = Words to remove (when removing personal information)
moderation-words-hint = When you remove personal information: type the words exactly as they appear in the comment.
moderation-days-label = Days (when stopping its author commenting)
moderation-days-hint = When you suspend: from 1 to 365 days.
moderation-note-label = Note (optional)
moderation-note-hint = For other moderators, and for the author when you warn or suspend them.
moderation-decide-button = Record the decision
moderation-suspend-ask-title = Stop { $name } commenting until { $until }?
moderation-suspend-ask-lead = Until then they cannot comment, reply, edit or add statements anywhere on the site. They are told why, in their language, and may appeal once.
moderation-suspend-ask-button = Yes, stop them commenting
# $count: how many decisions the appeal covers (hidden and warned: 2).
moderation-appeal-uphold = { $count ->
    [one] Uphold the decision
   *[other] Uphold the { $count } decisions
}
moderation-appeal-overturn = { $count ->
    [one] Overturn the decision
   *[other] Overturn the { $count } decisions
}
moderation-withdrawn-on = withdrawn on { $date }
moderation-appeal-uphold-note = Note to the author if you uphold (optional)
moderation-appeal-overturn-note = Note to the author if you overturn (optional)
moderation-appeal-note-hint = The author reads it with the outcome, in their notifications and on their appeal’s page. Other moderators see it in the history.
moderation-appeal-another = You made the decision this appeal is about, so another moderator decides the appeal.
moderation-error-own-comment = You cannot decide on your own comment. Another moderator must.
moderation-error-own-appeal = You cannot decide this appeal: another moderator must, not the one who took the decision or its author.
moderation-error-action = Choose a decision that applies to this comment as it is now.
moderation-error-reason = Choose the reason everyone will read.
moderation-error-words-missing = Type the words to remove.
moderation-error-words-not-found = Those words are not in the comment. Type them exactly as they appear.
moderation-error-days = Type a number of days from 1 to 365.

moderation-versions = Earlier versions
moderation-versions-version = Version
moderation-versions-text = Text
moderation-versions-replaced = Replaced
moderation-versions-none = It has not been changed.
moderation-history = Decisions
moderation-history-when = When
moderation-history-who = Moderator
moderation-history-what = Decision
moderation-history-note = Note
moderation-history-none = No decisions yet.
moderation-did-approve = Approved
moderation-did-hide = Hidden
moderation-did-restore = Shown again
moderation-did-redact = Personal information removed
moderation-did-warn = Author warned
moderation-did-suspend = Author suspended
moderation-did-escalate = Escalated
moderation-did-outside-action = Action outside the platform recorded
moderation-did-appeal-upheld = Appeal: decision upheld
moderation-did-appeal-overturned = Appeal: decision overturned

moderation-words-link = Word lists
moderation-words-title = Word lists
moderation-words-lead = A new comment that contains an entry of these lists waits for a moderator before anyone else sees it. Nothing is hidden because of them.
moderation-words-language = Language
moderation-words-entry = Entry
moderation-words-entry-hint = A word or a few words, on one line. Entries match whole words only, whatever the case, accents, Arabic marks or disguises such as “v3rm1n” or “v e r m i n”: “vermin” does not match “vermintide”. A few words match only when they come one after another. End an entry with * to match every word that starts with it: “invad*” matches “invade” and “invaders” (at least 3 letters before the *; for a few words, the last one).
moderation-words-add = Add to the list
moderation-words-of = Entries in { $language }
moderation-words-actions = Actions
moderation-words-none = No entries.
moderation-words-remove = Remove “{ $entry }”
moderation-words-remove-title = Remove “{ $entry }” from the word list?
moderation-words-remove-lead = New comments that contain it will no longer be held for a moderator.
moderation-words-remove-button = Yes, remove it
moderation-words-error-language = Choose a language.
moderation-words-error-entry = Type the entry to add.
moderation-words-error-there = That entry is already in the list.

screening-quality-link = How well screening is doing
screening-quality-title = How well screening is doing
screening-quality-lead = Screening holds a new comment for a moderator when something in it looks wrong; it never hides or deletes one. This page compares what screening held with what moderators then decided, so that you can see how far to trust it.
screening-quality-measures = Precision: of the decided comments screening held, the share moderators hid. Recall: of the comments moderators hid, the share screening had held. High precision means few comments held for nothing; high recall means little that moderators hid got past it. A figure needs at least { $fewest } comments behind it; below that the table says “too few decisions”.
screening-quality-model = The classifier in use is version { $version }, trained { $when } on { $hidden } hidden and { $kept } kept comments. On the { $tested } newer decisions set aside from its training, its precision was { $precision } and its recall { $recall }.
screening-quality-no-model = No classifier has been trained yet. It learns from this site’s own decisions once moderators have hidden at least { $fewest } comments and approved or restored at least { $fewest }; an administrator can train it with “cohesion admin moderation retrain”, and it retrains itself as decisions come in.
screening-quality-counted-since = Counted here: the { $decided } comments decided since { $when }, when the classifier’s training data ends, so it is judged only on decisions it did not learn from. Moderators hid { $hidden } of them.
screening-quality-counted = Counted here: every comment moderators decided, { $decided } in all. They hid { $hidden } of them.
screening-quality-caption = Screening against moderators’ decisions
screening-quality-reason = Reason for holding
screening-quality-held = Held and decided
screening-quality-held-hidden = Of those, hidden
screening-quality-precision = Precision
screening-quality-recall = Recall
screening-quality-empty = No decisions to count yet.
screening-quality-too-few = Too few decisions
screening-kind-words = Word lists
screening-kind-repeat = Repeats
screening-kind-near-repeat = Near repeats
screening-kind-campaign = Campaigns
screening-kind-links = Many links
screening-kind-rate = Posting rate
screening-kind-classifier = Classifier
screening-kind-all = Any reason (screening as a whole)

done-moderation-decided = Your decision has been recorded.
done-moderation-appeal-upheld = The appeal has been decided: the decision was upheld. Its author has been told, with your note if you wrote one.
done-moderation-appeal-overturned = The appeal has been decided: the decision was overturned. The comment is shown again, any warning or suspension for it is withdrawn, and its author has been told, with your note if you wrote one.
moderation-decided-again = Back to this comment, to take another decision on it (to warn its author, for example)
done-moderation-word-added = The entry has been added to the word list.
done-moderation-word-removed = The entry has been removed from the word list.
done-appeal-sent = Your appeal has been sent. Another moderator will look at it.

comment-appeal = Appeal this decision
comment-appealed-on = You appealed this decision on { $date }. Your appeal is waiting for a moderator who did not take it.
comment-appeal-upheld-hidden = Your appeal was decided on { $date }: the decision was upheld, and your comment stays hidden.
comment-appeal-upheld = Your appeal was decided on { $date }: the decision was upheld.
comment-appeal-overturned-shown = Your appeal was decided on { $date }: the decision was overturned, and your comment is shown again.
comment-appeal-overturned = Your appeal was decided on { $date }: the decision was overturned, and any warning or suspension for it is withdrawn.
comment-appeal-status = See where your appeal stands
appeal-title = Appeal a moderator’s decision
appeal-status-waiting = You appealed this decision on { $when }. A moderator who did not take it will decide, and you will be told the outcome.
appeal-status-note = The moderator’s note to you: “{ $note }”
appeal-lead = Say why you think the decisions on your comment were wrong. Your appeal covers every decision listed below. A moderator who took none of them will decide. You can appeal once.
appeal-your-comment = Your comment:
appeal-decision-hide = On { $when } a moderator hid it. The reason: { $reason }.
appeal-decision-redact = On { $when } a moderator removed personal information from it.
appeal-decision-warn = On { $when } a moderator warned you about it.
appeal-decision-suspend = On { $when } a moderator stopped you commenting until { $until } because of it.
appeal-decision-suspend-open = On { $when } a moderator stopped you commenting, with no end date, because of it.
appeal-text-label = Why the decision was wrong
appeal-text-hint = Up to 2,000 characters.
appeal-button = Send the appeal
appeal-error-text = Say why the decision was wrong.
appeal-error-again = You have already appealed this decision. A comment can be appealed once.
appeal-error-nothing = There is no decision on this comment to appeal.

## Moderation tools: the navigation, senior moderators, the step outside
## the platform, and deciding several comments at once

nav-moderation = Moderation
moderation-escalated-senior-only = This comment was escalated. Only a senior moderator can decide it; you can still record a step taken outside the platform.
moderation-outside-done = I have done this
moderation-outside-note = What you did
moderation-outside-note-hint = Who you called or where you reported it, when, and any reference number.
moderation-outside-recorded = The step outside the platform was recorded on { $when }.
moderation-error-outside-done = Tick the box to confirm you have done this.
moderation-error-outside-note = Say what you did, with any reference number.
moderation-select = Select the comment by { $name }
moderation-bulk-heading = Decide the selected comments
moderation-bulk-hint = Tick the comments above, then approve them all or hide them all for one reason. Each becomes its own decision. Your own comments, escalated ones and appealed ones are skipped, and the queue then says why for each.
moderation-bulk-action = Decision for every selected comment
moderation-bulk-reason = Public reason, if you hide them
moderation-bulk-button = Decide the selected comments
moderation-bulk-title = Decide several comments
moderation-bulk-nothing-done = Nothing was decided.
moderation-bulk-ask-title = { $count ->
    [one] Hide 1 comment?
   *[other] Hide { $count } comments?
}
moderation-bulk-ask-lead = Each comment will be hidden from the public with the reason “{ $reason }”, and each will be recorded as its own decision.
moderation-bulk-ask-after = Their authors can appeal. A hidden comment can be shown again later.
moderation-bulk-ask-button = { $count ->
    [one] Yes, hide 1 comment
   *[other] Yes, hide { $count } comments
}
moderation-bulk-hidden = { $count } hidden
moderation-bulk-approved = { $count } approved
moderation-bulk-skipped-own = { $count ->
    [one] 1 skipped: your own comment
   *[other] { $count } skipped: your own comments
}
moderation-bulk-skipped-escalated = { $count ->
    [one] 1 skipped: escalated to a senior moderator
   *[other] { $count } skipped: escalated to a senior moderator
}
moderation-bulk-skipped-appealed = { $count ->
    [one] 1 skipped: its author’s appeal waits, to be decided on its own page
   *[other] { $count } skipped: their authors’ appeals wait, to be decided on their own pages
}
moderation-bulk-skipped-not-applicable = { $count ->
    [one] 1 skipped: the decision does not apply to it as it stands
   *[other] { $count } skipped: the decision does not apply to them as they stand
}
moderation-bulk-skipped-decided = { $count ->
    [one] 1 skipped: already decided
   *[other] { $count } skipped: already decided
}
moderation-bulk-skipped-not-found = { $count ->
    [one] 1 skipped: no longer there
   *[other] { $count } skipped: no longer there
}
moderation-bulk-skipped-item = Skipped comment { $number }
moderation-bulk-skipped-open = Open this comment
moderation-bulk-why-own-comment = Your own comment: another moderator decides it.
moderation-bulk-why-escalated = Escalated: a senior moderator decides it.
moderation-bulk-why-appealed = Its author appealed: decide the appeal on the comment’s own page.
moderation-bulk-why-not-applicable = The decision does not apply to it as it stands (deleted by its author, or already in that state).
moderation-bulk-why-already-decided = Already decided by a moderator.
moderation-bulk-why-not-found = No longer there.
moderation-bulk-separator = ;{" "}
moderation-error-bulk-none = Select at least one comment.
moderation-error-bulk-items = A selected comment could not be found. Go back to the queue and select again.
moderation-error-bulk-many = Select at most 30 comments at a time.
moderation-error-bulk-action = Choose whether to approve or hide the selected comments.
moderation-error-bulk-note = The note must be 2,000 characters or fewer.
done-moderation-bulk = Your decisions have been recorded.
