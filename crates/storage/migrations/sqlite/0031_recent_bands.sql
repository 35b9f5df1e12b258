-- A band's newest comments, read directly (issue 18). Screening looks
-- up, for each band of a new comment, only that band's few newest
-- comments: the primary key (discussion, band, comment) found every
-- comment sharing the band, which for a common phrase was a share of the
-- whole discussion on every post.
-- Keep this file's twin in the other engine's folder in step.

CREATE INDEX comment_bands_recent ON comment_bands (discussion_id, band_key, created_at);
