-- Messages whose body is the recipient's own business (the copy of a
-- response's answers, which may hold special-category answers): the
-- administrators' outbox shows who they are to and their subject, never
-- their body, even on a site without a mail server. Copies already
-- waiting are marked from the responses that point at them. Keep this
-- file's twin in the other engine's folder in step.

ALTER TABLE outbox ADD COLUMN private BOOLEAN NOT NULL DEFAULT FALSE;

UPDATE outbox SET private = TRUE
WHERE id IN (SELECT receipt_message_id FROM responses WHERE receipt_message_id IS NOT NULL);
