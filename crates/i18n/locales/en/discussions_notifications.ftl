# Searching discussions' comments, and notifications (issue 18 part 9).

## Search

discussions-search-comments = Search what people wrote in the discussions
search-title = Search discussions
search-lead = Find discussions and comments that mention something. Words in Arabic are found however they are spelled or voweled.
search-field = Words to look for
search-button = Search
search-results-for = Results for { $words }
search-discussions-heading = Discussions
search-all-discussions = See all the discussions that match
search-comments-heading = Comments
search-result-link = { $name }: “{ $words }”
search-result-in = In “{ $discussion }”
search-no-comments = No comments match these words. Try fewer or different words.
search-more = Older comments
search-first = Newest comments
search-error-short = Enter at least 2 letters to search for

## Following a discussion

discussion-follow-button = Tell me when this discussion closes
discussion-unfollow-button = Stop telling me when it closes
discussion-follow-hint = If you ask, you will get a notification, and an email if you chose one, when it closes.
discussion-following-hint = You asked to be told when this discussion closes.
done-discussion-followed = Saved: you will be told when this discussion closes.
done-discussion-unfollowed = You will no longer be told when this discussion closes.

## The notifications page

notifications-title = Notifications
notifications-unread = { $count ->
    [0] No unread notifications
    [one] 1 unread notification
   *[other] { $count } unread notifications
}
# Said when there are more unread than are counted: $count is 99.
notifications-unread-more = More than { $count } unread notifications
notifications-empty = You have no notifications yet. You will be told here when someone replies to your comments, when a moderator decides about one, and when a discussion you asked to hear about closes.
notifications-mark-all = Mark all as read
notification-mark-read = Mark as read
notification-unread = Unread
notifications-settings-link = Choose what you are told
notifications-older = Older notifications
notifications-newest = Newest notifications
done-notifications-read = All your notifications are marked as read.
done-notification-read = The notification is marked as read.

notification-reply = Someone replied to your comment in “{ $discussion }”
notification-reply-by = { $name } replied to your comment in “{ $discussion }”
notification-closing = “{ $discussion }” has closed. You can still read it.
notification-moderation-approve = A moderator approved your comment in “{ $discussion }”. Everyone can read it now.
notification-moderation-hide = A moderator hid your comment in “{ $discussion }”. The reason: { $reason }. You can appeal once, from your comment.
notification-moderation-hide-appealed = A moderator hid your comment in “{ $discussion }”. The reason: { $reason }. You have appealed: a moderator who did not take the decision will decide, and you will be told.
# What the moderator wrote to the author, as they typed it.
notification-moderation-note = The moderator’s note: “{ $note }”
notification-moderation-restore = A moderator restored your comment in “{ $discussion }”. Everyone can read it again.
notification-moderation-redact = A moderator removed personal information from your comment in “{ $discussion }”.
notification-moderation-warn = A moderator warned you about your comment in “{ $discussion }”. Please read the house rules.
notification-moderation-suspend = { $days ->
    [one] A moderator stopped you commenting for 1 day because of your comment in “{ $discussion }”.
   *[other] A moderator stopped you commenting for { $days } days because of your comment in “{ $discussion }”.
}
notification-moderation-appeal_upheld = Your appeal about your comment in “{ $discussion }” was decided: the decision stands.
notification-moderation-appeal_overturned = Your appeal about your comment in “{ $discussion }” was decided: the decisions on it were reversed. A hidden comment is shown again, and a warning or suspension for it is withdrawn.
notification-moderation-other = A moderator decided about your comment in “{ $discussion }”.

## Choosing what to be told

notification-kind-reply = Replies to my comments
notification-kind-moderation = Moderators’ decisions about my comments
notification-kind-closing = Discussions I asked to hear about closing
notification-settings-title = Choose what you are told
notification-settings-lead = Choose what shows on your notifications page and what is also sent to your email address. Every email has a link that stops that kind of email.
notification-settings-site = On my notifications page
notification-settings-email = By email
notification-settings-email-hint = Emails are sent to the address of your account, in your language.
notification-settings-button = Save choices
notification-settings-back = Back to notifications
done-notification-settings-saved = Your choices are saved.

## Unsubscribing from an email

unsubscribe-title = Stop these emails
unsubscribe-lead = Stop the emails of this kind? You can start them again from your notification choices.
unsubscribe-button = Stop these emails
unsubscribe-done-title = Emails stopped
unsubscribe-done = You will no longer get emails about: { $kind }.
unsubscribe-settings-link = Choose what you are told

## Notification emails

notification-email-subject-reply = A reply to your comment
notification-email-subject-reply-by = { $name } replied to your comment
notification-email-subject-moderation = A decision about your comment
notification-email-subject-closing = A discussion you asked to hear about has closed
notification-email-body = { $what }
    It happened on { $when }.

    Read it: { $link }

    Choose what you are told: { $settings }
    Stop these emails: { $unsubscribe }

# "Your data": notifications, the choices of what to be told, follows.
data-notifications = Your notifications
data-notification-kind = What
data-notification-read = Read
data-notification-unread = Not yet
data-notification-choices = What you chose to be told
data-notification-choices-none = None changed: you are told as everyone is by default.
data-notification-in-site = On this site
data-notification-by-email = By email
data-following = Discussions you asked to hear about closing
data-following-discussion = Discussion
data-following-gone = A discussion no longer published
