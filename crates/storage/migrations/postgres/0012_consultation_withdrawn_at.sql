-- When a published consultation was withdrawn: its public address then
-- answers "withdrawn" (410 Gone, with the date) instead of "not found".
-- Publishing it again clears it. Keep this file's twin in the other
-- engine's folder in step.

ALTER TABLE consultations ADD COLUMN withdrawn_at TIMESTAMPTZ;
