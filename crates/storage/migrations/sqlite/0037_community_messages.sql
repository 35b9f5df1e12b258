-- Community messages by email (issue 19, ADR 45): topics officers
-- manage, subscribers who confirmed their address (double opt-in), the
-- requests waiting for that confirmation, and the messages officers
-- write, queued to the outbox in batches. Subscribers need no account:
-- they are known by their address only, which officers never see.
-- Keep this file's twin in the other engine's folder in step.

CREATE TABLE community_topics (
    id UUID PRIMARY KEY,
    -- Where it comes in lists: lower first.
    position BIGINT NOT NULL,
    name TEXT NOT NULL,
    language TEXT NOT NULL,
    -- Its name in other languages as JSON (locale to name).
    translations TEXT NOT NULL DEFAULT '{}',
    retired_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL
);

-- One row per confirmed address. Unsubscribing deletes it.
CREATE TABLE community_subscribers (
    id UUID PRIMARY KEY,
    email TEXT NOT NULL,
    locale TEXT NOT NULL,
    all_areas BOOLEAN NOT NULL,
    confirmed_at TIMESTAMPTZ NOT NULL
);

CREATE UNIQUE INDEX community_subscribers_by_email ON community_subscribers (email);

CREATE TABLE community_subscriber_areas (
    subscriber_id UUID NOT NULL,
    area_id UUID NOT NULL,
    PRIMARY KEY (subscriber_id, area_id)
);

CREATE INDEX community_subscriber_areas_by_area ON community_subscriber_areas (area_id);

CREATE TABLE community_subscriber_topics (
    subscriber_id UUID NOT NULL,
    topic_id UUID NOT NULL,
    PRIMARY KEY (subscriber_id, topic_id)
);

CREATE INDEX community_subscriber_topics_by_topic ON community_subscriber_topics (topic_id);

-- A subscription asked for and not yet confirmed: the SHA-256 of the
-- emailed token, the address and the choices (JSON), single-use and
-- expiring.
CREATE TABLE community_subscription_requests (
    token_hash TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    locale TEXT NOT NULL,
    choices TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at TIMESTAMPTZ
);

CREATE INDEX community_subscription_requests_by_email ON community_subscription_requests (email);

CREATE TABLE community_messages (
    id UUID PRIMARY KEY,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    language TEXT NOT NULL,
    -- Other languages as JSON: locale to {"subject": …, "body": …}.
    translations TEXT NOT NULL DEFAULT '{}',
    all_areas BOOLEAN NOT NULL,
    -- The areas and topics chosen, as JSON lists of ids.
    areas TEXT NOT NULL DEFAULT '[]',
    topics TEXT NOT NULL DEFAULT '[]',
    created_by UUID NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    -- When it is to go out (set by "send"); NULL while a draft.
    send_at TIMESTAMPTZ,
    -- When a server took it to queue (claimed once), and how many
    -- emails it queued when done.
    queuing_at TIMESTAMPTZ,
    queued_at TIMESTAMPTZ,
    queued BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX community_messages_due ON community_messages (send_at);

-- Which community message an outbox email belongs to, for its counts.
ALTER TABLE outbox ADD COLUMN community_message_id UUID;
CREATE INDEX outbox_by_community_message ON outbox (community_message_id);
