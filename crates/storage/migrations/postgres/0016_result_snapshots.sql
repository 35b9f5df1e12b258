-- What the public sees of an open consultation's results (ADR 30): a
-- copy of its running totals (result_counts, the same key) and the
-- respondents they count, taken when the results are published and
-- refreshed only after a day and at least the smallest shown count of
-- new responses, so that reading the figures before and after one
-- response never gives that response away. Counts only: no row points
-- at a person. Withdrawing the results deletes the copy; publishing
-- again takes a fresh one. Keep this file's twin in the other engine's
-- folder in step.

CREATE TABLE result_snapshots (
    consultation_id UUID PRIMARY KEY REFERENCES consultations (id),
    taken_at TIMESTAMPTZ NOT NULL,
    response_count BIGINT NOT NULL
);

CREATE TABLE result_snapshot_counts (
    consultation_id UUID NOT NULL REFERENCES result_snapshots (consultation_id),
    question_id TEXT NOT NULL,
    item BIGINT NOT NULL,
    choice BIGINT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (consultation_id, question_id, item, choice)
);
