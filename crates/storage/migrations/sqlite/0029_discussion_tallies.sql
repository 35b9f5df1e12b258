-- A discussion's running counts, off its own row (issue 18, ADR 39).
-- Every post used to add one to the discussion's row (the next
-- top-level place, the count of comments readers see), so on
-- PostgreSQL every post to one discussion waited for the one before
-- it to commit. The counts are now spread over eight slots, each post
-- taking one at random: a discussion's count is the sum of its slots,
-- and slot S hands out the top-level places S, S + 8, S + 16 … so no
-- two posts share a place however many write at once.
-- Keep this file's twin in the other engine's folder in step.

CREATE TABLE discussion_tallies (
    discussion_id UUID NOT NULL REFERENCES discussions (id) ON DELETE CASCADE,
    slot BIGINT NOT NULL,
    -- Top-level places this slot has handed out.
    placed BIGINT NOT NULL DEFAULT 0,
    -- This slot's share of the comments readers may see (may be below
    -- zero: a comment counted in one slot can be hidden through another).
    visible BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (discussion_id, slot)
);

-- Each slot starts past every place already handed out; the count so
-- far goes to slot 0.
INSERT INTO discussion_tallies (discussion_id, slot, placed, visible)
SELECT d.id, s.slot, (d.top_level_placed + 7) / 8,
       CASE WHEN s.slot = 0 THEN d.comment_count ELSE 0 END
FROM discussions d
CROSS JOIN (SELECT 0 AS slot UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3
            UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7) s;

ALTER TABLE discussions DROP COLUMN top_level_placed;
ALTER TABLE discussions DROP COLUMN comment_count;
