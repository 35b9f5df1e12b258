-- Translations of what an officer writes on a discussion (title,
-- introduction, guiding questions, topics, area), one row per language:
-- a JSON map from a text's key to its translation, with the fingerprint
-- of the original it was made from, as consultation_translations keeps
-- them (ADR 14). Pages fall back to the original for a missing or stale
-- key. Keep this file's twin in the other engine's folder in step.

CREATE TABLE discussion_translations (
    discussion_id UUID NOT NULL REFERENCES discussions (id),
    locale TEXT NOT NULL,
    texts TEXT NOT NULL,
    updated_by UUID REFERENCES users (id),
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (discussion_id, locale)
);
