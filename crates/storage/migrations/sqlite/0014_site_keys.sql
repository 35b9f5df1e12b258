-- Secrets the site keeps for itself, by name: the key that signs the
-- anonymous form-token cookie (ADR 19). Made on first use, shared by
-- every server of the site. Keep this file's twin in the other engine's
-- folder in step.

CREATE TABLE site_keys (
    name TEXT PRIMARY KEY,
    secret TEXT NOT NULL
);
