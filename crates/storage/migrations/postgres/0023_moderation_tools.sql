-- Moderation tools and transparency (issue 18 parts 4 and 7, ADR 37):
-- each decision names its discussion and how long the comment waited
-- for it, and each queue item when it was first held, so that the
-- monthly figures are grouped counts over indexed ranges instead of
-- joins over every comment. Keep this file's twin in the other engine's
-- folder in step.

-- The discussion a decision was taken in, and the seconds the comment
-- had waited in the queue when it was decided (NULL for decisions that
-- took nothing out of the queue, and for those taken before this).
ALTER TABLE moderation_decisions ADD COLUMN discussion_id UUID REFERENCES discussions (id);
ALTER TABLE moderation_decisions ADD COLUMN waited_seconds BIGINT;

UPDATE moderation_decisions SET discussion_id =
    (SELECT c.discussion_id FROM discussion_comments c WHERE c.id = moderation_decisions.comment_id);

CREATE INDEX moderation_decisions_by_discussion ON moderation_decisions (discussion_id, created_at);

-- When the comment was first held for a moderator (pre-moderation or
-- screening); kept after the decision, unlike `held`.
ALTER TABLE moderation_items ADD COLUMN held_at TIMESTAMPTZ;

UPDATE moderation_items SET held_at = waiting_since WHERE held;

CREATE INDEX moderation_items_by_held ON moderation_items (held_at);
CREATE INDEX moderation_items_by_discussion_held ON moderation_items (discussion_id, held_at);

-- Comments by the month they were posted, site-wide.
CREATE INDEX discussion_comments_by_time ON discussion_comments (created_at);
