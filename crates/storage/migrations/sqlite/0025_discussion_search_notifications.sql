-- Search and notifications for discussions (issue 18 part 9).
--
-- Search: a comment's text as search compares it (`domain::text::normalise`:
-- Arabic marks and tatweel dropped, alef forms, alef maqsura and teh
-- marbuta folded, lower case), kept in step by the statements that write
-- a comment's text. Comments written before are filled here with the same
-- folding in SQL (LOWER and REPLACE, as `storage::normalised_sql` does).
-- Search reads it with a bounded LIKE, newest first, over published
-- comments only (see `discussions::search`).
--
-- Notifications: what a person is told (a reply to their comment, a
-- moderator's decision on it, a discussion they follow closing), in the
-- site and, by their choice, by email; the choices; who follows which
-- discussion; and when a discussion's closing was told to its followers.
-- Keep this file's twin in the other engine's folder in step.

ALTER TABLE discussion_comments ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

UPDATE discussion_comments SET search_text = REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LOWER(body), 'ً', ''), 'ٌ', ''), 'ٍ', ''), 'َ', ''), 'ُ', ''), 'ِ', ''), 'ّ', ''), 'ْ', ''), 'ٰ', ''), 'ـ', ''), 'أ', 'ا'), 'إ', 'ا'), 'آ', 'ا'), 'ى', 'ي'), 'ة', 'ه');

-- Published comments newest first, which search walks until its page is full.
CREATE INDEX discussion_comments_for_search ON discussion_comments (state, created_at, id);

ALTER TABLE discussions ADD COLUMN closing_told_at TIMESTAMPTZ;

CREATE TABLE notifications (
    id UUID PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users (id),
    -- reply, moderation or closing.
    kind TEXT NOT NULL,
    discussion_id UUID NOT NULL REFERENCES discussions (id),
    comment_id UUID REFERENCES discussion_comments (id),
    -- For a moderation outcome: the decision's code and, for a hide, its
    -- public reason code (`hide:off_topic`); the words are the reader's.
    detail TEXT NOT NULL DEFAULT '',
    -- Shown on the person's notifications page (they may want a kind by
    -- email only).
    in_site BOOLEAN NOT NULL,
    read_at TIMESTAMPTZ,
    -- Whether it still waits to be written to the outbox (the person asked
    -- for email of this kind when it was made).
    email_due BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX notifications_by_user ON notifications (user_id, created_at, id);
CREATE INDEX notifications_email_due ON notifications (email_due, created_at);

-- A person's choice for one kind; without a row, the kind's default.
CREATE TABLE notification_preferences (
    user_id UUID NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    in_site BOOLEAN NOT NULL,
    by_email BOOLEAN NOT NULL,
    PRIMARY KEY (user_id, kind)
);

CREATE TABLE discussion_follows (
    user_id UUID NOT NULL REFERENCES users (id),
    discussion_id UUID NOT NULL REFERENCES discussions (id),
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (discussion_id, user_id)
);

CREATE INDEX discussion_follows_by_user ON discussion_follows (user_id);

-- The one-click unsubscribe address of a notification email, sent as its
-- List-Unsubscribe header (RFC 8058).
ALTER TABLE outbox ADD COLUMN unsubscribe TEXT;
