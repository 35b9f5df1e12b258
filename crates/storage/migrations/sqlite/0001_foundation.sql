-- The platform foundation: the programme a site runs, anonymous page
-- feedback, and rate-limit counters that every server shares.
-- Keep this file's twin in the other engine's folder in step.

CREATE TABLE programmes (
    id UUID PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE programme_texts (
    programme_id UUID NOT NULL REFERENCES programmes (id),
    locale TEXT NOT NULL,
    name TEXT NOT NULL,
    organisation TEXT NOT NULL,
    summary TEXT NOT NULL,
    PRIMARY KEY (programme_id, locale)
);

CREATE TABLE page_feedback (
    id UUID PRIMARY KEY,
    page TEXT NOT NULL,
    useful BOOLEAN NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX page_feedback_by_page ON page_feedback (page);

CREATE TABLE rate_limit_hits (
    bucket TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    hits BIGINT NOT NULL,
    PRIMARY KEY (bucket, window_start)
);

CREATE INDEX rate_limit_hits_by_window ON rate_limit_hits (window_start);
