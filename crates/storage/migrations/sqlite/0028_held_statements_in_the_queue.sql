-- Held statements in the moderators' queue (issue 18): a statement held
-- by screening or pre-moderation waits in /moderation with the comments,
-- ordered as they are (most serious first, then longest waiting), and
-- the queue is read a page after another from where the last ended.
-- Keep this file's twin in the other engine's folder in step.

-- How serious screening found a held statement: 3, 2 or 1, as a
-- comment's queue item says.
ALTER TABLE discussion_statements ADD COLUMN severity BIGINT NOT NULL DEFAULT 1;

-- The held statements in the queue's order.
CREATE INDEX discussion_statements_queue ON discussion_statements (state, severity DESC, created_at, id);

-- The comments in the queue's order, to the last tie (the comment's id),
-- so that a page starts exactly where the one before ended.
DROP INDEX moderation_queue;
CREATE INDEX moderation_queue ON moderation_items (waiting, severity DESC, weight DESC, waiting_since, comment_id);
