-- Lookups on the posting path that walked whole tables (issue 18
-- benchmarks). Pre-moderation of a member's first comments counts their
-- published comments on every post: without an index on the author and
-- state together, SQLite chose the search index on state and read every
-- published comment of the site (20 to 50 ms with 60,000 comments).
-- Keep this file's twin in the other engine's folder in step.

CREATE INDEX discussion_comments_by_author_state ON discussion_comments (author_id, state);
