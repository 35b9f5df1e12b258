-- Officers' starting statements (Pol.is's seeds) told apart from
-- members' statements, so that the officers' page of a discussion lists
-- the ones already added with where each stands. Statements from before
-- this migration count as members'. Keep this file's twin in the other
-- engine's folder in step.
ALTER TABLE discussion_statements ADD COLUMN seeded BOOLEAN NOT NULL DEFAULT FALSE;
