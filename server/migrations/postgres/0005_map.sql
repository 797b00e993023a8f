-- The member map: network-wide settings, the version live map pages follow, and the indexes
-- its per-city aggregates need at 80,000 members.

-- One row per setting; a missing row means the setting's default.
CREATE TABLE network_settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Bumped after every change that can move a member on, off or around the map (profile saved,
-- someone joined, became alumni or a connector); open map pages refresh when it moves.
CREATE TABLE map_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO map_state (id, version) VALUES (1, 0);

-- Counting a city's members on and off the map reads this index only.
CREATE INDEX users_on_map ON users (map_visible, is_alumni, city_id, created_at);
CREATE INDEX user_languages_by_language ON user_languages (language);
