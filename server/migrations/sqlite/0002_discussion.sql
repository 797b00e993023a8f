-- Channels, messages and the per-channel event log that live delivery replays from.
CREATE TABLE channels (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('city', 'topic', 'direct')),
    city_id INTEGER REFERENCES cities (id),
    slug TEXT UNIQUE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    members_only INTEGER NOT NULL DEFAULT FALSE,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    -- The last sequence number given to an event of this channel; bumped in the event's transaction.
    last_seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX channels_by_city ON channels (city_id);

-- Who follows a channel (and, for private conversations, who is in it) and where they left off.
CREATE TABLE channel_members (
    channel_id INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    last_read_seq INTEGER NOT NULL DEFAULT 0,
    muted INTEGER NOT NULL DEFAULT FALSE,
    joined_at INTEGER NOT NULL,
    PRIMARY KEY (channel_id, user_id)
);
CREATE INDEX channel_members_by_user ON channel_members (user_id);

CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    channel_id INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    parent_id INTEGER REFERENCES messages (id),
    body TEXT NOT NULL,
    body_html TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    edited_at INTEGER,
    deleted_at INTEGER,
    hidden_at INTEGER,
    hidden_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    hidden_reason TEXT,
    reply_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX messages_by_channel ON messages (channel_id, parent_id, id);
CREATE INDEX messages_by_channel_seq ON messages (channel_id, seq);
CREATE INDEX messages_by_parent ON messages (parent_id, id);
CREATE INDEX messages_by_author ON messages (author_id, created_at);

-- Earlier versions of edited messages.
CREATE TABLE message_edits (
    id INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    replaced_at INTEGER NOT NULL
);
CREATE INDEX message_edits_by_message ON message_edits (message_id, id);

CREATE TABLE reactions (
    message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    emoji TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (message_id, user_id, emoji)
);

CREATE TABLE mentions (
    message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    channel_id INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    PRIMARY KEY (message_id, user_id)
);
CREATE INDEX mentions_by_user ON mentions (user_id, channel_id, seq);

-- Every change to a channel, in order: what live clients replay after a reconnect.
CREATE TABLE channel_events (
    channel_id INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (channel_id, seq)
);

-- A connector's mute of a member in their city's channels.
CREATE TABLE city_mutes (
    city_id INTEGER NOT NULL REFERENCES cities (id),
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    until INTEGER NOT NULL,
    muted_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (city_id, user_id)
);

CREATE TABLE message_reports (
    id INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    reporter_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    reason TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    resolved_at INTEGER
);
CREATE INDEX message_reports_open ON message_reports (resolved_at, message_id);

-- Mentions of and replies to a member.
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    read_at INTEGER
);
CREATE INDEX notifications_by_user ON notifications (user_id, id);

CREATE VIRTUAL TABLE messages_fts USING fts5 (body, content = 'messages', content_rowid = 'id');
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts (rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF body ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.id, old.body);
    INSERT INTO messages_fts (rowid, body) VALUES (new.id, new.body);
END;

-- Every city has its channel from the start.
INSERT INTO channels (kind, city_id, slug, name, created_at)
SELECT 'city', id, slug, name, 0 FROM cities;
