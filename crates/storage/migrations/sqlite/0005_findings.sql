-- "What you told us": findings officers write after a consultation, each
-- resting on one result (a question's option, or a matrix row's scale
-- point). The figure is never stored: pages compute it from the running
-- totals, so a finding always shows the current count.
-- Keep this file's twin in the other engine's folder in step.

CREATE TABLE findings (
    id UUID PRIMARY KEY,
    consultation_id UUID NOT NULL REFERENCES consultations (id),
    position BIGINT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    question_id TEXT NOT NULL,
    row_index BIGINT,
    option_index BIGINT NOT NULL,
    published_at TIMESTAMPTZ,
    created_by UUID REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX findings_by_consultation ON findings (consultation_id, position);
