-- Discussions (issue 18, ADR 33): officers' discussions, residents'
-- comments threaded by a materialised path, earlier versions of edited
-- comments, agreements and reports. Nothing here is deleted by a
-- moderator or an author: a comment's state says what readers see.
-- Keep this file's twin in the other engine's folder in step; the only
-- difference is the C collation PostgreSQL is asked for on `path`, which
-- SQLite's BINARY comparison already is.

CREATE TABLE discussions (
    id UUID PRIMARY KEY,
    title TEXT NOT NULL,
    introduction TEXT NOT NULL,
    -- Guiding questions and topics, one per line.
    questions TEXT NOT NULL,
    topics TEXT NOT NULL,
    area TEXT,
    opens_at TIMESTAMPTZ NOT NULL,
    closes_at TIMESTAMPTZ NOT NULL,
    language TEXT NOT NULL,
    -- off, all, or first:N (a member's first N comments wait).
    pre_moderation TEXT NOT NULL,
    -- Brought in from elsewhere by `cohesion import discussion`: closed
    -- and read-only, its authors names rather than accounts.
    imported BOOLEAN NOT NULL DEFAULT FALSE,
    published_at TIMESTAMPTZ,
    -- Title, introduction and questions as search compares them.
    search_text TEXT NOT NULL DEFAULT '',
    -- Top-level comments ever placed: the next one's path segment.
    top_level_placed BIGINT NOT NULL DEFAULT 0,
    -- Comments readers may see (published), for lists.
    comment_count BIGINT NOT NULL DEFAULT 0,
    created_by UUID REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX discussions_by_opening ON discussions (opens_at);

CREATE TABLE discussion_comments (
    id UUID PRIMARY KEY,
    discussion_id UUID NOT NULL REFERENCES discussions (id),
    path TEXT NOT NULL,
    -- 0 for a top-level comment (path's length / 6 - 1).
    depth BIGINT NOT NULL,
    parent_id UUID REFERENCES discussion_comments (id),
    -- The top-level comment of its thread (itself for a top-level one),
    -- so a page's threads load their replies in one query.
    root_id UUID NOT NULL,
    -- The account that wrote it; NULL once the account is erased, and for
    -- imported comments, whose author is the name as given.
    author_id UUID REFERENCES users (id),
    author_name TEXT,
    -- The badge, decided from the author's roles when posted (never from
    -- what they typed): community_member, official, moderator, elected.
    badge TEXT NOT NULL,
    body TEXT NOT NULL,
    -- published, awaiting_moderation, hidden, deleted_by_author,
    -- removed_with_account.
    state TEXT NOT NULL,
    -- The public reason code when hidden.
    hidden_reason TEXT,
    edited_at TIMESTAMPTZ,
    agree_count BIGINT NOT NULL DEFAULT 0,
    -- Replies ever placed under it: the next one's path segment.
    replies_placed BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (discussion_id, path)
);

-- Top-level comments, newest or oldest first, paged by (time, id).
CREATE INDEX discussion_comments_top ON discussion_comments (discussion_id, depth, created_at, id);
CREATE INDEX discussion_comments_by_thread ON discussion_comments (root_id, path);
CREATE INDEX discussion_comments_by_author ON discussion_comments (author_id, created_at);

-- An edited comment's earlier texts, for moderators.
CREATE TABLE discussion_comment_versions (
    comment_id UUID NOT NULL REFERENCES discussion_comments (id),
    version BIGINT NOT NULL,
    body TEXT NOT NULL,
    replaced_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (comment_id, version)
);

-- One agreement per person per comment.
CREATE TABLE discussion_agreements (
    comment_id UUID NOT NULL REFERENCES discussion_comments (id),
    user_id UUID NOT NULL REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (comment_id, user_id)
);

CREATE INDEX discussion_agreements_by_user ON discussion_agreements (user_id);

-- One report per person per comment; the reporter is never shown to
-- the author.
CREATE TABLE discussion_reports (
    id UUID PRIMARY KEY,
    comment_id UUID NOT NULL REFERENCES discussion_comments (id),
    reporter_id UUID REFERENCES users (id),
    reason TEXT NOT NULL,
    note TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (comment_id, reporter_id)
);

CREATE INDEX discussion_reports_by_reporter ON discussion_reports (reporter_id);
