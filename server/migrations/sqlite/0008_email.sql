-- Emails. What each member wants (a member without a row gets the defaults) and what waits to
-- go out.
CREATE TABLE email_preferences (
    user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    mentions INTEGER NOT NULL DEFAULT TRUE,
    replies INTEGER NOT NULL DEFAULT TRUE,
    decisions INTEGER NOT NULL DEFAULT TRUE,
    buckets INTEGER NOT NULL DEFAULT TRUE,
    digest TEXT NOT NULL DEFAULT 'weekly' CHECK (digest IN ('off', 'daily', 'weekly')),
    -- The secret of the one-click unsubscribe link.
    unsubscribe_token TEXT NOT NULL UNIQUE,
    last_digest_at INTEGER
);

-- Each email once composed: sent by whichever node claims it, retried with a growing delay.
CREATE TABLE email_outbox (
    id INTEGER PRIMARY KEY,
    user_id INTEGER REFERENCES users (id) ON DELETE CASCADE,
    to_address TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    unsubscribe_url TEXT,
    created_at INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    claimed_by TEXT,
    claimed_until INTEGER,
    sent_at INTEGER,
    last_error TEXT
);
CREATE INDEX email_outbox_waiting ON email_outbox (next_attempt_at) WHERE sent_at IS NULL;

-- Each notice is turned into an email once: the node that marks it mailed sends it. What was
-- there before email existed counts as told.
ALTER TABLE notifications ADD COLUMN mailed_at INTEGER;
ALTER TABLE decision_notices ADD COLUMN mailed_at INTEGER;
UPDATE notifications SET mailed_at = created_at;
UPDATE decision_notices SET mailed_at = created_at;
CREATE INDEX notifications_to_mail ON notifications (id) WHERE mailed_at IS NULL;
CREATE INDEX decision_notices_to_mail ON decision_notices (id) WHERE mailed_at IS NULL;

-- Digests count from this moment, so a network's first start does not mail everyone at once.
INSERT INTO network_settings (name, value) VALUES ('digests_since', CAST(strftime('%s', 'now') AS TEXT));

-- What a member is told about a bucket they started, co-created or gave to.
CREATE TABLE bucket_notices (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    bucket_id INTEGER NOT NULL REFERENCES buckets (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    read_at INTEGER,
    mailed_at INTEGER
);
CREATE INDEX bucket_notices_by_user ON bucket_notices (user_id, id);
CREATE INDEX bucket_notices_to_mail ON bucket_notices (id) WHERE mailed_at IS NULL;
