-- Screening that learns (issue 18 part 6, ADR 36): what screening found
-- in each comment as it was posted (so its figures can be checked against
-- moderators' decisions later), the MinHash band keys near repeats are
-- looked up by, the moderation classifiers trained from this site's own
-- decisions, and the lease that lets one server at a time retrain.
-- Keep this file's twin in the other engine's folder in step; the only
-- difference is the type of the model's bytes (BLOB here, BYTEA there).

CREATE TABLE comment_screenings (
    comment_id UUID PRIMARY KEY REFERENCES discussion_comments (id),
    discussion_id UUID NOT NULL REFERENCES discussions (id),
    -- The kinds of screening reason that held it, each between bars
    -- (`|near-repeat|classifier|`); '' when screening held nothing.
    kinds TEXT NOT NULL,
    -- The first comment of the campaign it is part of.
    campaign_id UUID,
    -- The classifier's probability that moderators would hide it, and
    -- the version of the model that said so.
    score DOUBLE PRECISION,
    model_version BIGINT,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX comment_screenings_by_campaign ON comment_screenings (campaign_id);

-- One row per MinHash band of a comment long enough to compare: two
-- comments sharing a key are candidates for a near repeat.
CREATE TABLE comment_bands (
    discussion_id UUID NOT NULL REFERENCES discussions (id),
    band_key BIGINT NOT NULL,
    comment_id UUID NOT NULL REFERENCES discussion_comments (id),
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (discussion_id, band_key, comment_id)
);

CREATE INDEX comment_bands_by_comment ON comment_bands (comment_id);

-- Classifiers trained on comments moderators decided (hidden against
-- approved or restored), the newest in use by every server.
CREATE TABLE moderation_models (
    id UUID PRIMARY KEY,
    version BIGINT NOT NULL UNIQUE,
    trained_at TIMESTAMPTZ NOT NULL,
    -- Decisions up to here were trained on; later ones judge the model.
    trained_through TIMESTAMPTZ NOT NULL,
    hidden_trained BIGINT NOT NULL,
    kept_trained BIGINT NOT NULL,
    hidden_tested BIGINT NOT NULL,
    kept_tested BIGINT NOT NULL,
    -- Precision and recall of "hidden" on the newer, held-out decisions.
    precision_tested DOUBLE PRECISION NOT NULL,
    recall_tested DOUBLE PRECISION NOT NULL,
    -- The probability from which screening holds a comment.
    threshold DOUBLE PRECISION NOT NULL,
    model BYTEA NOT NULL
);

-- Work that one server at a time does (retraining): whoever holds the
-- row until `until` does it; a lease left by a stopped server runs out.
CREATE TABLE screening_leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    until TIMESTAMPTZ NOT NULL
);
