-- The council's local areas (wards, neighbourhoods) that community
-- tension reports and community-message subscriptions name (issue 19).
-- An area is retired, never deleted, so the counts and subscriptions
-- that name it keep their meaning. Keep this file's twin in the other
-- engine's folder in step.

CREATE TABLE local_areas (
    id UUID PRIMARY KEY,
    -- Where it comes in lists: lower first.
    position BIGINT NOT NULL,
    -- Its name in `language`, and in other languages as JSON (locale to
    -- name), as officers' translations are kept.
    name TEXT NOT NULL,
    language TEXT NOT NULL,
    translations TEXT NOT NULL DEFAULT '{}',
    retired_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX local_areas_in_order ON local_areas (position);
