-- What an officer published of a consultation's results: which questions
-- (JSON array of question ids) and, optionally, the figures weighted to
-- population margins as they were computed when published (JSON; the
-- weighting reads every response, too slow for each page view, and the
-- snapshot records what the public was shown). `consultations.
-- results_published_at` still says whether results are public now; the
-- row stays when they are withdrawn, so republishing starts from it.
-- Results published before this table existed have no row: they show
-- every question that is not special-category, as they did then.
-- Keep this file's twin in the other engine's folder in step.

CREATE TABLE result_publications (
    consultation_id UUID PRIMARY KEY REFERENCES consultations (id),
    questions TEXT NOT NULL,
    weighting TEXT,
    published_by UUID REFERENCES users (id),
    published_at TIMESTAMPTZ NOT NULL
);
