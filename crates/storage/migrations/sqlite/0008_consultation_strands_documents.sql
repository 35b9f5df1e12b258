-- The strands of engagement a consultation runs (one per line) and the
-- documents it links to (JSON: [{"title", "url"}]).
-- Keep this file's twin in the other engine's folder in step.

ALTER TABLE consultations ADD COLUMN strands TEXT NOT NULL DEFAULT '';
ALTER TABLE consultations ADD COLUMN documents TEXT NOT NULL DEFAULT '[]';
