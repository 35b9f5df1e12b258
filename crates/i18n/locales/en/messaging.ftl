# Community messages by email (issue 19): subscribing, confirming,
# unsubscribing, the archive, and officers' pages.

nav-community-messages = Community messages

community-subscribe-title = Get community messages by email
community-subscribe-lead = The council sends short messages about what matters where you live: safety advice, meetings and events, consultations and their results. Choose your areas, the topics and the language you want.
community-subscribe-privacy = You do not need an account. We use your email address only to send these messages, and every message has a link to stop them in one click.
community-subscribe-button = Subscribe
community-get-by-email = Get community messages by email
community-all-areas-label = Where
community-all-areas = All areas
community-areas-label = Or choose areas
community-areas-hint = Tick “All areas” above, or one or more areas here.
community-topics-label = Topics
community-language-label = Language of the messages
community-too-many = Too many subscription requests have come from your connection.
community-check-email-title = Check your email
community-check-email = We have sent a link to the address you gave. Open it within 7 days and press “Confirm” to start getting messages. If the address was subscribed already, confirming updates what you receive.
community-archive-link = Read past community messages
community-link-dead-title = This link does not work
community-link-dead = This link has expired or was already used, or it was not made by this site. Nothing was changed.
community-subscribe-again = Subscribe again or change what you receive
community-confirm-title = Confirm your subscription
community-confirm-button = Confirm
community-confirm-areas = Areas: { $areas }
community-confirm-topics = Topics: { $topics }
community-confirmed-title = You are subscribed
community-confirmed = Thank you. You will get community messages by email. Every message has a link to unsubscribe.
community-unsubscribe-title = Unsubscribe from community messages
community-unsubscribe-lead = You will get no more community messages at this address.
community-unsubscribe-button = Unsubscribe
community-unsubscribed-title = You are unsubscribed
community-unsubscribed = You have been unsubscribed. You will get no more community messages.
community-unsubscribed-already = You were already unsubscribed. Nothing else needs doing.

community-archive-title = Community messages
community-archive-lead = Messages the council has sent to people who subscribed, newest first.
community-archive-caption = Messages sent
community-archive-empty = No community messages have been sent yet.
community-feed-link = Follow community messages in a feed reader (Atom)
community-col-subject = Subject
community-col-sent = Sent
community-col-status = Status
community-col-when = When
community-status-draft = Draft
community-status-scheduled = Scheduled
community-status-sending = Sending
community-status-sent = Sent
community-sent-on = Sent { $date }

community-confirm-email-subject = Confirm your community messages subscription
community-confirm-email-body =
    Someone, probably you, asked to get community messages at this address.

    To confirm, open this link within 7 days and press “Confirm”:
    { $link }

    If it was not you, ignore this email: nothing will be sent.
community-message-email-footer =
    Read this message online: { $online }
    Change what you receive: { $change }
    Unsubscribe: { $unsubscribe }

community-staff-title = Community messages
community-staff-new = Write a community message
community-staff-all = All community messages
community-staff-empty = No community messages yet.
community-staff-edit = Change the message
community-staff-save = Save
community-staff-back = Back to the message
community-staff-form-lead = Write a short message for the people who subscribed to the areas and topics you choose. Officers see how many it reaches, never who.
community-field-subject = Subject
community-field-body = Message
community-field-body-hint = Plain text, or the site’s Markdown: paragraphs, lists, links.
community-field-language = Which language are you writing in?
community-staff-translate = Translate the message
community-staff-translate-into = Translate into { $language }
community-staff-translate-lead = The message as written:
community-staff-translate-empty = Leave both empty to send the original to everyone.
community-reach = Reaches
community-reach-total = { $count ->
    [one] 1 confirmed subscriber.
   *[other] { $count } confirmed subscribers.
}
community-reach-language = { $language }: { $count }.
community-counts = Emails
community-counts-said = { $queued } queued, { $delivered } delivered, { $failed } failed.
community-preview-heading = As it arrives in { $language }
community-field-send-at = Send at (leave empty to send now)
community-field-send-at-hint = In the council’s local time, for example 25 December 2026 at 9am.
community-staff-send = Send
community-send-question = Send “{ $subject }”?
community-send-now-lead = It will go out now.
community-send-at-lead = It will go out { $when }.
community-send-warning = Once it has gone out it cannot be changed or called back.
community-send-yes = Yes, send it
done-community-message-saved = The message has been saved.
done-community-message-translated = The translation has been saved.
done-community-message-sent = The message is being sent.
done-community-message-scheduled = The message will be sent at the time you set.
reason-message_already_sent = This message has gone out already. Nothing was changed.
