-- Themes in the written answers to one long-text question. An analyst
-- runs discovery (a run: seed, who, when, what it found), edits the
-- candidate themes, confirms them, and maps every answer to confirmed
-- themes with a confidence; unsure answers wait on a review list.
-- Nothing is silently deleted: a deleted theme is marked deleted, a
-- merged one points at the theme it went into, and every change is in
-- the audit log. Findings may rest on a confirmed theme instead of a
-- choice option; the figure is still computed when shown.
-- Keep this file's twin in the other engine's folder in step.

CREATE TABLE theme_runs (
    id UUID PRIMARY KEY,
    consultation_id UUID NOT NULL REFERENCES consultations (id),
    question_id TEXT NOT NULL,
    seed BIGINT NOT NULL,
    answers BIGINT NOT NULL,
    -- Counted, never themed: campaign copies, "agree" and "no" replies.
    campaign_answers BIGINT NOT NULL,
    endorsements BIGINT NOT NULL,
    rejections BIGINT NOT NULL,
    unassigned BIGINT NOT NULL,
    -- The campaigns found (JSON: one copy's response id and the count;
    -- the words are read, and masked, when shown).
    campaigns TEXT NOT NULL,
    run_by UUID REFERENCES users (id),
    run_at TIMESTAMPTZ NOT NULL,
    confirmed_at TIMESTAMPTZ,
    mapped_at TIMESTAMPTZ
);

CREATE INDEX theme_runs_by_question ON theme_runs (consultation_id, question_id, run_at);

-- status: candidate, confirmed, deleted or merged (into merged_into).
CREATE TABLE themes (
    id UUID PRIMARY KEY,
    run_id UUID NOT NULL REFERENCES theme_runs (id),
    position BIGINT NOT NULL,
    label TEXT NOT NULL,
    description TEXT NOT NULL,
    stance TEXT NOT NULL,
    -- JSON lists: the theme's top terms, and its example answers'
    -- response ids (the quotes).
    top_terms TEXT NOT NULL,
    examples TEXT NOT NULL,
    status TEXT NOT NULL,
    merged_into UUID REFERENCES themes (id),
    created_by UUID REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX themes_by_run ON themes (run_id, position);

-- Which answers a theme holds. source: discovery (a candidate's
-- members), mapping (the model, with its confidence) or analyst (chosen
-- on the review list, confidence 1).
CREATE TABLE theme_assignments (
    run_id UUID NOT NULL REFERENCES theme_runs (id),
    theme_id UUID NOT NULL REFERENCES themes (id),
    response_id UUID NOT NULL REFERENCES responses (id),
    source TEXT NOT NULL,
    confidence DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (run_id, source, theme_id, response_id)
);

CREATE INDEX theme_assignments_by_theme ON theme_assignments (theme_id, source);
CREATE INDEX theme_assignments_by_response ON theme_assignments (run_id, response_id);

-- Answers the mapping was unsure of, until an analyst settles them.
CREATE TABLE theme_reviews (
    run_id UUID NOT NULL REFERENCES theme_runs (id),
    response_id UUID NOT NULL REFERENCES responses (id),
    stance TEXT NOT NULL,
    best_confidence DOUBLE PRECISION NOT NULL,
    reviewed_by UUID REFERENCES users (id),
    reviewed_at TIMESTAMPTZ,
    PRIMARY KEY (run_id, response_id)
);

ALTER TABLE findings ADD COLUMN theme_id UUID REFERENCES themes (id);
