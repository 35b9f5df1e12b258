-- Consultations, their timeline, surveys and responses.
-- A survey is one JSON document on its consultation (questions have
-- stable ids); answers are rows, so results and crosstabs are SQL.
-- Special-category answers (ethnicity, religion, disability, sexual
-- orientation) live in a table of their own, read only under audit.
-- result_counts holds running totals, kept in the transaction that
-- submits, changes or removes a response, so a results page never counts
-- raw answers. Keep this file's twin in the other engine's folder in step.

CREATE TABLE consultations (
    id UUID PRIMARY KEY,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    body TEXT NOT NULL,
    topics TEXT NOT NULL,
    area TEXT,
    opens_at TIMESTAMPTZ NOT NULL,
    closes_at TIMESTAMPTZ NOT NULL,
    allow_anonymous BOOLEAN NOT NULL,
    survey TEXT NOT NULL,
    published_at TIMESTAMPTZ,
    results_published_at TIMESTAMPTZ,
    response_count BIGINT NOT NULL DEFAULT 0,
    created_by UUID REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX consultations_by_opening ON consultations (opens_at);

CREATE TABLE consultation_stages (
    consultation_id UUID NOT NULL REFERENCES consultations (id),
    position BIGINT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    stage_date TEXT,
    state TEXT NOT NULL,
    link TEXT NOT NULL,
    PRIMARY KEY (consultation_id, position)
);

CREATE TABLE responses (
    id UUID PRIMARY KEY,
    consultation_id UUID NOT NULL REFERENCES consultations (id),
    respondent_id UUID REFERENCES users (id),
    -- SHA-256 of the cookie that lets an anonymous respondent return.
    anonymous_key TEXT UNIQUE,
    reference TEXT NOT NULL UNIQUE,
    -- The fields as sent, kept between pages until submission.
    draft TEXT NOT NULL,
    submitted_at TIMESTAMPTZ,
    removed_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE UNIQUE INDEX responses_one_per_account ON responses (consultation_id, respondent_id);
CREATE INDEX responses_by_respondent ON responses (respondent_id);

-- item: a matrix row or a rank position (0 otherwise); choice: the option.
CREATE TABLE response_answers (
    response_id UUID NOT NULL REFERENCES responses (id),
    consultation_id UUID NOT NULL REFERENCES consultations (id),
    question_id TEXT NOT NULL,
    item BIGINT NOT NULL,
    choice BIGINT,
    number_value BIGINT,
    text_value TEXT
);

CREATE INDEX response_answers_by_response ON response_answers (response_id);
CREATE INDEX response_answers_by_question ON response_answers (consultation_id, question_id, response_id);

CREATE TABLE response_special_answers (
    response_id UUID NOT NULL REFERENCES responses (id),
    consultation_id UUID NOT NULL REFERENCES consultations (id),
    question_id TEXT NOT NULL,
    item BIGINT NOT NULL,
    choice BIGINT,
    number_value BIGINT,
    text_value TEXT
);

CREATE INDEX response_special_answers_by_response ON response_special_answers (response_id);
CREATE INDEX response_special_answers_by_question ON response_special_answers (consultation_id, question_id, response_id);

-- Running totals: (item, choice) = (-1, -1) counts the people who
-- answered the question at all.
CREATE TABLE result_counts (
    consultation_id UUID NOT NULL REFERENCES consultations (id),
    question_id TEXT NOT NULL,
    item BIGINT NOT NULL,
    choice BIGINT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (consultation_id, question_id, item, choice)
);
