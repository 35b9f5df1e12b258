-- Accounts, part two.
-- Sessions get a public id, so a person can end one from their profile
-- without the page ever holding the secret that signs them in; sessions
-- from before this migration have none and end with "sign out everywhere".
-- Organisations, their members and invitations; indexes for the audit
-- log's filters and for finding mail still to send; retry counts for mail.
-- Keep this file's twin in the other engine's folder in step.

ALTER TABLE sessions ADD COLUMN id UUID;
CREATE UNIQUE INDEX sessions_by_id ON sessions (id);

CREATE TABLE organisations (
    id UUID PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    registration_number TEXT,
    org_identifier TEXT UNIQUE,
    address TEXT NOT NULL,
    contact_name TEXT NOT NULL,
    contact_email TEXT NOT NULL,
    contact_phone TEXT,
    created_by UUID REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE organisation_members (
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    user_id UUID NOT NULL REFERENCES users (id),
    is_owner BOOLEAN NOT NULL,
    joined_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
);

CREATE INDEX organisation_members_by_user ON organisation_members (user_id);

-- Invitations name an address, not an account: the person invited may
-- not have signed up yet. Only the SHA-256 of the emailed token is kept.
CREATE TABLE organisation_invitations (
    token_hash TEXT PRIMARY KEY,
    id UUID NOT NULL UNIQUE,
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    email TEXT NOT NULL,
    invited_by UUID REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    accepted_at TIMESTAMPTZ
);

CREATE INDEX organisation_invitations_by_org ON organisation_invitations (organisation_id);
CREATE INDEX organisation_invitations_by_email ON organisation_invitations (email);

CREATE INDEX audit_log_by_actor ON audit_log (actor_id);
CREATE INDEX audit_log_by_subject ON audit_log (subject_id);
-- Mail that keeps failing is retried a few times, then given up, so a
-- handful of bad addresses cannot block everyone else's mail.
ALTER TABLE outbox ADD COLUMN attempts BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN given_up_at TIMESTAMPTZ;
CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL AND given_up_at IS NULL;
CREATE INDEX outbox_by_to_address ON outbox (to_address);
