-- Translations of everything an officer writes on a consultation (title,
-- summary, introduction, stages, survey texts), one row per language: a
-- JSON map from a text's key ("title", "q1.text", "q1.option.0", …) to
-- its translation. Pages fall back to the original for a missing key.
-- Keep this file's twin in the other engine's folder in step.

CREATE TABLE consultation_translations (
    consultation_id UUID NOT NULL REFERENCES consultations (id),
    locale TEXT NOT NULL,
    texts TEXT NOT NULL,
    updated_by UUID REFERENCES users (id),
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (consultation_id, locale)
);
