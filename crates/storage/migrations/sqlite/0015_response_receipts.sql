-- The email copy of a response's answers its author last asked for (an
-- outbox message's id): the confirmation page says where that copy
-- stands instead of offering it again, and a form sent twice adds no
-- second message. Emptied whenever the answers change, since the copy
-- then no longer matches them. No foreign key: the outbox forgets mail
-- to deleted accounts. Keep this file's twin in the other engine's
-- folder in step.

ALTER TABLE responses ADD COLUMN receipt_message_id UUID;
