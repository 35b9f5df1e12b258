-- A discussion may be part of one stage of a consultation's timeline
-- (issue 18). A stage has no id of its own: consultation_stages is keyed
-- by (consultation_id, position), and the timeline's translations and
-- history name a stage by its place too, so the link does as well
-- (ADR 38). Both columns are set together or neither is; the service
-- checks that the consultation and its stage exist when it saves.
-- Keep this file's twin in the other engine's folder in step.

ALTER TABLE discussions ADD COLUMN consultation_id UUID REFERENCES consultations (id);
ALTER TABLE discussions ADD COLUMN consultation_stage BIGINT;

-- The consultation's page lists the discussions linked to it.
CREATE INDEX discussions_by_consultation ON discussions (consultation_id, consultation_stage);
