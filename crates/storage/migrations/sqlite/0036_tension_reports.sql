-- Community tension reports (issue 19, ADR 44). Anonymous by design: no
-- account, no address. A report's text (masked before it is stored) is
-- deleted after the site's retention period, leaving the row as a
-- tombstone; the counts by area, kind and week live in their own table,
-- written in the same transaction as each report, and outlive the
-- texts. Keep this file's twin in the other engine's folder in step.

CREATE TABLE tension_settings (
    id BIGINT PRIMARY KEY,
    enabled BOOLEAN NOT NULL,
    retention_days BIGINT NOT NULL,
    review_working_days BIGINT NOT NULL,
    -- Which server is deleting old texts, and until when (one at a time).
    retention_holder TEXT,
    retention_until TIMESTAMPTZ,
    updated_at TIMESTAMPTZ
);

INSERT INTO tension_settings (id, enabled, retention_days, review_working_days)
VALUES (1, TRUE, 90, 2);

CREATE TABLE tension_reports (
    id UUID PRIMARY KEY,
    -- What the acknowledgement gives the sender: short, not guessable.
    reference TEXT NOT NULL UNIQUE,
    -- A local area's id, or 'elsewhere'.
    area TEXT NOT NULL,
    kind TEXT NOT NULL,
    -- YYYY-MM-DD in the site's zone.
    occurred_on TEXT NOT NULL,
    police TEXT NOT NULL,
    -- Masked; NULL once deleted after the retention period.
    text TEXT,
    text_deleted_at TIMESTAMPTZ,
    -- The retention period the text was deleted after, for its tombstone.
    kept_days BIGINT,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX tension_reports_recent ON tension_reports (created_at);

CREATE TABLE tension_counts (
    area TEXT NOT NULL,
    kind TEXT NOT NULL,
    -- The Monday (YYYY-MM-DD) of the week it happened in.
    week TEXT NOT NULL,
    reports BIGINT NOT NULL,
    PRIMARY KEY (area, kind, week)
);

CREATE INDEX tension_counts_by_week ON tension_counts (week);
