-- Opinion voting in discussions (issue 18 part 8): an officer adds a
-- statements stage to a discussion; residents submit short statements,
-- held and screened like comments, and vote agree, disagree or pass on
-- each; a background job, claimed through `discussion_opinions`, keeps
-- the opinion map. Keep this file's twin in the other engine's folder
-- in step.

-- Whether the discussion has a statements stage.
ALTER TABLE discussions ADD COLUMN statements_stage BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE discussion_statements (
    id UUID PRIMARY KEY,
    discussion_id UUID NOT NULL REFERENCES discussions (id),
    -- 0, 1, 2… within the discussion: the statement's id in a Pol.is
    -- export, which needs whole numbers.
    number BIGINT NOT NULL,
    -- NULL once the account is erased, and for the officer's seeds
    -- written by nobody in particular.
    author_id UUID REFERENCES users (id),
    body TEXT NOT NULL,
    -- published, awaiting_moderation, hidden, removed_with_account.
    state TEXT NOT NULL,
    -- Why screening or pre-moderation held it, one reason per line.
    reasons TEXT NOT NULL DEFAULT '',
    decided_by UUID REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (discussion_id, number)
);

CREATE INDEX discussion_statements_by_state ON discussion_statements (discussion_id, state, number);
CREATE INDEX discussion_statements_by_author ON discussion_statements (author_id, created_at);

-- One vote per person per statement: a later vote replaces it.
-- 1 agree, -1 disagree, 0 pass (Pol.is's values).
CREATE TABLE discussion_votes (
    statement_id UUID NOT NULL REFERENCES discussion_statements (id),
    user_id UUID NOT NULL REFERENCES users (id),
    discussion_id UUID NOT NULL REFERENCES discussions (id),
    vote BIGINT NOT NULL,
    voted_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (statement_id, user_id)
);

-- The newest vote of a discussion (has anything changed since the map
-- was drawn?) and a voter's votes in a discussion.
CREATE INDEX discussion_votes_by_time ON discussion_votes (discussion_id, voted_at);
CREATE INDEX discussion_votes_by_user ON discussion_votes (user_id, discussion_id);

-- The opinion map of each discussion with a statements stage, as the
-- background job last computed it, and the lease that job holds while
-- it computes (so two servers never both compute one discussion).
CREATE TABLE discussion_opinions (
    discussion_id UUID PRIMARY KEY REFERENCES discussions (id),
    -- Set when statements change (moderation): recompute even without a
    -- new vote.
    stale BOOLEAN NOT NULL DEFAULT TRUE,
    -- The newest vote and the vote count the result was computed at.
    votes_at TIMESTAMPTZ,
    vote_count BIGINT NOT NULL DEFAULT 0,
    -- Per statement figures the voting page reads (small), and the whole
    -- result the results page reads (JSON).
    summary TEXT NOT NULL DEFAULT '{}',
    result TEXT NOT NULL DEFAULT '{}',
    computed_at TIMESTAMPTZ,
    lease_holder TEXT,
    lease_until TIMESTAMPTZ
);
