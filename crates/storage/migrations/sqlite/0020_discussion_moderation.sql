-- Moderation of discussions (issue 18, ADR 33): the queue of comments
-- waiting for a moderator (held by pre-moderation or screening, reported,
-- appealed), kept in step by the services so that its first page is one
-- index scan; every decision moderators take; one appeal per comment;
-- warnings and suspensions of members; and the word lists screening
-- reads. Keep this file's twin in the other engine's folder in step.

CREATE TABLE moderation_items (
    comment_id UUID PRIMARY KEY REFERENCES discussion_comments (id),
    discussion_id UUID NOT NULL REFERENCES discussions (id),
    -- Waiting for a moderator; false once decided (an appeal or a new
    -- report sets it again).
    waiting BOOLEAN NOT NULL,
    -- The most serious reason's severity (3, 2 or 1) and the reports'
    -- weight (domain::discussion::moderation::report_weight).
    severity BIGINT NOT NULL,
    weight BIGINT NOT NULL,
    held BOOLEAN NOT NULL,
    reported BOOLEAN NOT NULL,
    appealed BOOLEAN NOT NULL,
    escalated BOOLEAN NOT NULL,
    -- Why screening held it, one reason per line (`word:ENTRY`,
    -- `duplicate`, `links`, `first_comments`, `all_comments`).
    reasons TEXT NOT NULL,
    waiting_since TIMESTAMPTZ NOT NULL,
    decided_at TIMESTAMPTZ
);

CREATE INDEX moderation_queue ON moderation_items (waiting, severity DESC, weight DESC, waiting_since);

CREATE TABLE moderation_decisions (
    id UUID PRIMARY KEY,
    comment_id UUID NOT NULL REFERENCES discussion_comments (id),
    moderator_id UUID REFERENCES users (id),
    -- approve, hide, restore, redact, warn, suspend, escalate,
    -- outside_action, appeal_upheld, appeal_overturned.
    action TEXT NOT NULL,
    -- The public reason code of a hide (a report reason's code).
    reason TEXT,
    -- What the moderator wrote for the author or the record.
    note TEXT,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX moderation_decisions_by_comment ON moderation_decisions (comment_id, created_at);
CREATE INDEX moderation_decisions_by_time ON moderation_decisions (created_at);

-- One appeal per comment, by its author, decided by another moderator.
CREATE TABLE moderation_appeals (
    comment_id UUID PRIMARY KEY REFERENCES discussion_comments (id),
    decision_id UUID NOT NULL REFERENCES moderation_decisions (id),
    author_id UUID REFERENCES users (id),
    text TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    decided_by UUID REFERENCES users (id),
    -- upheld or overturned.
    outcome TEXT,
    decided_at TIMESTAMPTZ
);

CREATE TABLE member_sanctions (
    id UUID PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users (id),
    -- warning or suspension (from discussions, until `until`).
    kind TEXT NOT NULL,
    until TIMESTAMPTZ,
    comment_id UUID REFERENCES discussion_comments (id),
    note TEXT NOT NULL,
    decided_by UUID REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX member_sanctions_by_user ON member_sanctions (user_id, created_at);

-- Words and phrases screening holds comments for, per language, as
-- moderators wrote them (matched after `screening::fold`).
CREATE TABLE moderation_words (
    language TEXT NOT NULL,
    entry TEXT NOT NULL,
    added_by UUID REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (language, entry)
);

-- A comment's text as screening compares it for repeats (a hash of its
-- folded form, for texts long enough to be worth comparing).
ALTER TABLE discussion_comments ADD COLUMN fingerprint TEXT;

CREATE INDEX discussion_comments_by_fingerprint ON discussion_comments (discussion_id, fingerprint);

-- A discussion's newest published comments, for its feed.
CREATE INDEX discussion_comments_by_state ON discussion_comments (discussion_id, state, created_at);
