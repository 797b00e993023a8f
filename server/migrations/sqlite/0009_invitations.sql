-- Connectors invite people into their city by an emailed link. Only a hash of the link's secret
-- is stored: the link itself exists only in the email. Each link is used once, until it expires
-- or a connector revokes it.
CREATE TABLE invitations (
    id INTEGER PRIMARY KEY,
    city_id INTEGER NOT NULL REFERENCES cities (id),
    email TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    message TEXT NOT NULL DEFAULT '',
    invited_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER,
    revoked_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    accepted_at INTEGER,
    accepted_by INTEGER REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX invitations_by_city ON invitations (city_id, id);
CREATE INDEX invitations_by_inviter ON invitations (invited_by, created_at);
