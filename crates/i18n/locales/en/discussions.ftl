# Residents' discussion pages: the list, a discussion with its threads,
# the comment forms, the house rules and the feed.

nav-discussions = Discussions

## The list

discussions-title = Discussions
discussions-lead = Talk with other residents and with the council about questions in front of the town. Anyone can read the discussions; sign in to take part.
discussions-filter-status = Status
discussions-filter-any = Any status
discussions-filter-any-topic = Any topic
discussions-filter-topic = Topic
discussions-filter-search = Words in the title, introduction or questions
discussions-filter-button = Show discussions
discussions-count = { $count ->
    [one] 1 discussion
   *[other] { $count } discussions
}
# What the empty list says depends on which filters are in force, so that
# it never blames the words when only the topic or status left nothing.
discussions-empty-none = There are no discussions yet.
discussions-empty-words = No discussions match your words. Try other words.
discussions-empty-words-filters = No discussions match your words with the topic or status you chose. Try other words, or any topic and any status.
discussions-empty-topic = No discussions have this topic. Choose another topic, or any topic.
discussions-empty-status = No discussions have this status. Choose another status, or any status.
discussions-empty-topic-status = No discussions have both this topic and this status. Choose any topic or any status.
discussion-comment-count = { $count ->
    [0] No comments yet
    [one] 1 comment everyone can read
   *[other] { $count } comments everyone can read, replies included
}
discussion-dates-upcoming = Opens for comments on { $opens }
discussion-dates-open = Open for comments until { $closes }
discussion-dates-closed = Ran until { $closes }

## Home page and Get involved

home-discussions-heading = Discussions open now
home-discussions-empty = No discussions are open at the moment. Earlier discussions can still be read on the discussions page.
home-discussions-all = See every discussion
discussions-open = Open now
discussions-open-empty = There are no open discussions at the moment.
discussions-upcoming = Opening soon
discussions-upcoming-empty = No discussions are due to open yet.
discussions-closed = Recently closed
discussions-closed-empty = No discussions have closed in the last three months.

## A discussion's page

discussion-title = Discussion
discussion-runs = The discussion runs from { $opens } to { $closes }.
discussion-runs-same-day = The discussion runs on { $day } from { $opens } to { $closes }.
discussion-part-of-stage = Part of the consultation { $consultation } — stage: { $stage }
discussion-part-of = Part of the consultation { $consultation }
discussion-ran = The discussion ran from { $opens } to { $closes }.
discussion-ran-same-day = The discussion ran on { $day } from { $opens } to { $closes }.
discussion-will-run = The discussion will run from { $opens } to { $closes }.
discussion-will-run-same-day = The discussion will run on { $day } from { $opens } to { $closes }.
discussion-draft-notice = This discussion is a draft: only staff can see it.
# A discussion's status (نقاش is masculine in Arabic, unlike استشارة).
discussion-status-upcoming = Upcoming
discussion-status-open = Open
discussion-status-closed = Closed
discussion-status-draft = Draft
discussion-suspended-notice = Your account cannot comment or reply until { $until }. You can still read the discussion.
discussion-closed-notice = This discussion has closed. You can still read every comment, but no new comments or replies can be added.
discussion-imported-notice = This discussion was brought in from an earlier website. It is kept here to be read, and takes no new comments.
discussion-upcoming-notice = This discussion has not opened yet. You can comment from { $opens }.
discussion-questions = Questions to think about
discussion-topics = Topics
discussion-area = Area
discussion-comments-heading = Comments
discussion-order-label = Show comments
discussion-order-newest = Newest first
discussion-order-oldest = Oldest first
discussion-order-agreed = Most agreed with first
discussion-order-button = Sort
discussion-older-comments = Older comments
discussion-more-comments = More comments
discussion-first-comments = Back to the first comments
discussion-no-comments = Nobody has commented yet.
discussion-add-comment = Add a comment
discussion-sign-in-to-comment = Sign in to comment
discussion-house-rules-link = Read the house rules for discussions
discussion-feed-link = Subscribe to new comments in a feed reader (Atom feed): no account needed
discussion-feed-link-closed = Comments as an Atom feed, for a feed reader: the discussion has closed, so no new comments will be added

## A comment

comment-anonymous = Anonymous – account deleted
comment-badge-community_member = Community member
comment-badge-official = Official representative
comment-badge-moderator = Moderator
comment-badge-elected = Elected member
comment-in-reply-to = In reply to { $name }
comment-edited = Edited
comment-awaiting = Awaiting moderation: only you can see this comment until a moderator has looked at it.
comment-awaiting-moderator = Awaiting moderation: only its author and moderators can see this comment until a moderator decides.
comment-hidden-moderator = Hidden by a moderator: others see a notice in its place; only moderators can read its text.
comment-hidden-yours = Hidden by a moderator. The reason: { $reason }. Only you (and moderators) can read this text; everyone else sees a notice in its place.
comment-hidden-yours-plain = Hidden by a moderator. Only you (and moderators) can read this text; everyone else sees a notice in its place.
comment-deleted-moderator = Deleted by its author: only moderators can still read its text.
comment-deleted-by-author = This comment was deleted by its author.
comment-removed-by-moderator = This comment was hidden by a moderator: { $reason }
comment-removed-by-moderator-plain = This comment was hidden by a moderator.
comment-removed-with-account = This comment was removed when its author deleted their account.
comment-agree-count = { $count ->
    [0] No one has agreed yet
    [one] 1 person agrees
   *[other] { $count } people agree
}
comment-agree = Agree
comment-withdraw = Withdraw agreement
comment-reply = Reply
comment-report = Report
comment-reported = You reported this
comment-moderate = Moderate
comment-edit = Edit
comment-delete = Delete
comment-of = the comment by { $name }
comment-show-full = Show full comment
comment-show-less = Show less
comment-more-replies = { $count ->
    [one] See 1 more reply
   *[other] See { $count } more replies
}
comment-link-site = ({ $site })
time-ago-now = just now
time-ago-minutes = { $count ->
    [one] 1 minute ago
   *[other] { $count } minutes ago
}
time-ago-hours = { $count ->
    [one] 1 hour ago
   *[other] { $count } hours ago
}
time-ago-days = { $count ->
    [one] 1 day ago
   *[other] { $count } days ago
}

## A thread's own page

discussion-thread-title = A comment and its replies
discussion-thread-back = Back to the discussion
discussion-thread-later = Later replies

## Forms

comment-field-text = Your comment
comment-field-reply = Your reply
comment-field-hint = Say what you think and why. Up to 10,000 characters. Web addresses become links.
comment-post-button = Post comment
comment-error-empty = Write your comment
comment-error-too-long = Your comment must be { $limit } characters or fewer
comment-reply-page = Reply to a comment
comment-reply-title = Reply to { $name }
comment-replying-to = You are replying to this comment:
comment-reply-button = Post reply
comment-edit-title = Change your comment
comment-suspended-title = You cannot comment for now
comment-edit-lead = You can change a comment in the 15 minutes after you post it. Readers will see that it was edited.
comment-edit-button = Save changes
comment-delete-title = Delete your comment?
comment-delete-lead = Its text will leave the page. If it has replies, a note saying that you deleted it keeps its place, so that the replies still make sense.
comment-delete-after = Moderators can still read it, as they keep a record of every comment.
comment-delete-warning = You cannot undo this.
comment-delete-button = Yes, delete my comment
comment-report-title = Report this comment
comment-report-lead = Tell the moderators what is wrong with it. Its author is not told who reported it.
report-reason-label = What is wrong with it?
report-reason-threats = Threats or violence
report-reason-threats-hint = It threatens someone, or encourages violence.
report-reason-extremist = Extremist content
report-reason-extremist-hint = It praises or promotes terrorism or violent extremist groups.
report-reason-hate = Hate against a group
report-reason-hate-hint = It attacks people for their race, religion, disability, sex, sexuality, gender identity or another part of who they are.
report-reason-harassment = Harassment of a person
report-reason-harassment-hint = It targets, bullies or mocks a particular person.
report-reason-personal_information = Personal information
report-reason-personal_information-hint = It shares someone’s address, phone number, photos or other private details.
report-reason-spam = Spam
report-reason-spam-hint = Advertising, the same thing posted again and again, or links that have nothing to do with the discussion.
report-reason-off_topic = Off topic
report-reason-off_topic-hint = It has nothing to do with what the discussion is about.
report-reason-other = Something else
report-reason-other-hint = Tell the moderators what it is in the box below.
report-error-note-other = Say what is wrong with the comment: you chose “Something else”
report-error-reason = Choose what is wrong with the comment
report-note-label = Anything the moderators should know (needed if you choose “Something else”)
report-note-hint = Up to 1,000 characters.
report-error-note-too-long = The note must be { $limit } characters or fewer
comment-report-button = Send report
reported-title = Thank you for your report
reported-text = Moderators will look at it. If the comment breaks the house rules they will hide it and say why in its place: nothing is hidden without a notice.
reported-back = Back to the discussion

done-comment-posted = Your comment has been posted.
done-comment-held = Your comment has been sent. A moderator will look at it before others can see it; until then only you can see it.
done-reply-posted = Your reply has been posted.
done-reply-held = Your reply has been sent. A moderator will look at it before others can see it; until then only you can see it.
done-comment-edited = Your comment has been changed.
done-comment-deleted = Your comment has been deleted.
done-comment-agreed = You agreed with the comment.
done-agreement-withdrawn = You withdrew your agreement.

reason-discussion_not_open = This discussion is not taking comments now. You can still read it.
reason-reply_not_allowed = You cannot reply to that comment: it was hidden or deleted, or it is in another discussion.
reason-edit_window_passed = A comment can only be changed in the 15 minutes after it was posted.
reason-already_reported = You have already reported this comment. The moderators have your report.

## House rules

house-rules-title = House rules for discussions
house-rules-lead = Discussions are for everyone who lives or works here. These rules keep them useful and safe. Moderators apply them to every comment, whoever wrote it.
house-rules-respect-heading = Be respectful
house-rules-respect = Disagree with ideas, not with people. Say what you think and why, and listen to people whose lives are different from yours.
house-rules-hate-heading = No hate against any group
house-rules-hate = Do not attack or mock people for their race, religion, disability, sex, sexuality, gender identity, age or any other part of who they are. Talk about what happened and what would help, not about whole groups of people.
house-rules-threats-heading = No threats
house-rules-threats = Never threaten anyone or encourage violence. We pass threats to life to the police.
house-rules-private-heading = Keep personal information out
house-rules-private = Do not share anyone’s address, phone number, email address, photos or other private details, including your own. Do not name people involved in an incident.
house-rules-topic-heading = Stay on topic
house-rules-topic = Keep to the discussion’s questions. Advertising and the same comment posted again and again will be removed.
house-rules-moderators-heading = What moderators do
house-rules-moderators = Moderators read comments that are reported and, in some discussions, new members’ first comments before they appear. A comment that breaks these rules is removed, and a notice takes its place saying why. Nothing is deleted silently, and reporting a comment never removes it on its own: a moderator always decides.
house-rules-appeal-heading = If your comment is removed
house-rules-appeal = You will see the reason beside your comment. If you think the moderators got it wrong, you can ask for the decision to be looked at again by a different moderator, who will tell you what they decided.
house-rules-back = Back to discussions

## Feed

discussion-feed-title = Comments on { $title }
discussion-feed-entry = { $name } commented
discussion-feed-entry-reply = { $name } replied

## Your data

data-comments = Your comments in discussions
data-discussion = Discussion
data-comment-state = Where it stands
data-comment-text = What you wrote
comment-state-published = Published
comment-state-awaiting_moderation = Awaiting moderation
comment-state-hidden = Removed by a moderator
comment-state-deleted_by_author = Deleted by you
comment-state-removed_with_account = Removed
data-reactions = Your agreements and reports
data-reaction = What you did
reaction-agreed = You agreed with a comment
reaction-reported = You reported a comment: { $reason }
data-sanctions = Warnings and suspensions you were given
data-sanction = What
data-sanction-until = Until
data-sanction-lifted = Withdrawn on appeal
data-appeals = Your appeals against moderators’ decisions
data-appeal-text = What you wrote
data-appeal-outcome = Outcome
data-appeal-decided = Decided on
data-appeal-waiting = Waiting for a moderator
data-appeal-upheld = Decision upheld
data-appeal-overturned = Decision overturned
sanction-warning = A warning
sanction-suspension = A suspension from commenting

## Transparency: what moderation did, month by month

discussion-transparency-link = How this discussion was moderated, month by month
discussions-transparency-link = How discussions are moderated: figures by month
transparency-site-title = Moderation of discussions: figures by month
transparency-discussion-title = Moderation of this discussion: figures by month
transparency-site-lead = What moderators did across all discussions in the last 12 months: comments posted and held for checking, comments hidden and why, warnings and suspensions, appeals, and how long a decision took.
transparency-discussion-lead = What moderators did in “{ $title }” in the last 12 months.
# $count is the largest figure left out (one under the smallest shown).
transparency-suppressed-lead = { $count ->
    [one] So that nobody can be identified, a figure of 1 is not shown (“Not shown”), nor any figure from which one could be worked out, and neither is the median time of a month with only 1 decision. None at all is shown as 0.
   *[other] So that nobody can be identified, figures from 1 to { $count } are not shown (“Not shown”), nor any figure from which one could be worked out, and neither is the median time of a month with { $count } decisions or fewer. None at all is shown as 0.
}
transparency-suppressed-none = Every figure is shown: this site sets no smallest count.
transparency-rule-lead = Each month’s figures are checked on their own, by the same rule here and on each discussion’s page. Where one reason’s figure is not shown but the month’s total is, a second reason’s figure is not shown either, so that neither can be worked out from the total. A discussion’s figures are part of those for all discussions, so a month can show a figure for all discussions and “Not shown” for one discussion when other discussions add to it.
transparency-months-site = Months before the first with anything to count are not listed.
transparency-months-discussion = Months before the discussion opened are not listed.
transparency-counted-lead = “Comments posted” counts every comment and reply written in the month, those held for checking and those hidden or deleted since included. A discussion’s own page counts the comments and replies everyone can read now, so its figure is smaller.
transparency-suppressed = Not shown
transparency-no-decisions = No decisions
transparency-none = No figures yet.
transparency-back-list = Back to discussions
transparency-back-discussion = Back to the discussion
transparency-site-link = Figures for all discussions
transparency-rules-link = Read the house rules moderators apply
transparency-table-caption = Moderation by month
transparency-reasons-caption = Comments hidden, by public reason
transparency-month = Month
transparency-comments = Comments posted
transparency-held = Held for checking
transparency-hidden = Hidden
transparency-warnings = Warnings
transparency-suspensions = Suspensions
transparency-upheld = Appeals upheld
transparency-overturned = Appeals overturned
transparency-median = Median time to a decision
transparency-wait-minutes = { $count ->
    [one] 1 minute
   *[other] { $count } minutes
}
transparency-wait-hours = { $count ->
    [one] 1 hour
   *[other] { $count } hours
}
transparency-wait-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
