-- Cities, members, roles and login throttling. Times are Unix seconds, UTC.
CREATE TABLE cities (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    country TEXT NOT NULL,
    continent TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    name_lower TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    city_id INTEGER NOT NULL REFERENCES cities (id),
    bio TEXT NOT NULL DEFAULT '',
    map_visible INTEGER NOT NULL DEFAULT FALSE,
    is_admin INTEGER NOT NULL DEFAULT FALSE,
    is_alumni INTEGER NOT NULL DEFAULT FALSE,
    created_at INTEGER NOT NULL
);
CREATE INDEX users_by_city_name ON users (city_id, name_lower);
CREATE INDEX users_by_city_joined ON users (city_id, created_at);

CREATE TABLE user_skills (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    skill TEXT NOT NULL,
    PRIMARY KEY (user_id, skill)
);
CREATE INDEX user_skills_by_skill ON user_skills (skill);

CREATE TABLE user_languages (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    PRIMARY KEY (user_id, language)
);

CREATE TABLE connectors (
    city_id INTEGER NOT NULL REFERENCES cities (id),
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    appointed_at INTEGER NOT NULL,
    PRIMARY KEY (city_id, user_id)
);
CREATE INDEX connectors_by_user ON connectors (user_id);

CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY,
    account TEXT NOT NULL,
    ip TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX login_failures_by_account ON login_failures (account, at);
CREATE INDEX login_failures_by_ip ON login_failures (ip, at);
