-- A comment form sent more than once (issue 18, ADR 40). Each comment
-- and reply form carries a random key made when the form is shown. The
-- first post with a key claims it here, then names the comment it made;
-- a later post by the same member with the same key (a double click, a
-- form sent again after going back) leads to that comment instead of
-- making another. A member's claims older than a day are forgotten as
-- they post again.
-- Keep this file's twin in the other engine's folder in step.

CREATE TABLE comment_submissions (
    author_id UUID NOT NULL REFERENCES users (id),
    submission_key TEXT NOT NULL,
    -- Named once the comment is made, in the same transaction.
    comment_id UUID REFERENCES discussion_comments (id),
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (author_id, submission_key)
);
