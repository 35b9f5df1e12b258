-- A finding may combine several options of one question ("Strongly
-- agree" and "Agree" together): `option_indexes` lists them, 0-based,
-- comma-separated and ascending ("0,1"). Findings written before rest on
-- the one option in `option_index`, which is copied over; `option_index`
-- keeps the first option so older readers still see one. A finding on a
-- theme has none. `what_we_did` is "What we did": what the council did
-- in response, shown once the consultation has closed.
-- Keep this file's twin in the other engine's folder in step.

ALTER TABLE findings ADD COLUMN option_indexes TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN what_we_did TEXT NOT NULL DEFAULT '';
UPDATE findings SET option_indexes = CAST(option_index AS TEXT) WHERE theme_id IS NULL;
