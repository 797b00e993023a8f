-- Proposals, stances, their history, decision notices, and the jobs table that runs what must
-- happen later (a proposal closes, a reminder goes out) exactly once. Times are Unix seconds, UTC.
CREATE TABLE proposals (
    id INTEGER PRIMARY KEY,
    -- NULL: the whole network.
    city_id INTEGER REFERENCES cities (id),
    kind TEXT NOT NULL CHECK (kind IN ('lazy_consent', 'three_connector', 'sense_check', 'poll')),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    body_html TEXT NOT NULL,
    author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    closes_at INTEGER NOT NULL,
    review_at INTEGER,
    status TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'passed', 'blocked', 'withdrawn', 'lapsed', 'closed')),
    closed_at INTEGER,
    outcome_statement TEXT NOT NULL DEFAULT '',
    -- 1 for the text as first proposed; each revision adds one.
    revision INTEGER NOT NULL DEFAULT 1,
    -- The discussion thread: a message in the scope's channel that replies go under.
    thread_message_id INTEGER REFERENCES messages (id) ON DELETE SET NULL
);
CREATE INDEX proposals_open ON proposals (status, closes_at);
CREATE INDEX proposals_by_scope ON proposals (city_id, closed_at);

-- A poll's choices, in the order shown.
CREATE TABLE proposal_options (
    id INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    label TEXT NOT NULL
);
CREATE INDEX proposal_options_by_proposal ON proposal_options (proposal_id, position);

-- Each member's current stance; what they said before is in the timeline.
CREATE TABLE stances (
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    stance TEXT NOT NULL CHECK (stance IN ('agree', 'abstain', 'object', 'block', 'choice')),
    option_id INTEGER REFERENCES proposal_options (id) ON DELETE CASCADE,
    reason TEXT NOT NULL DEFAULT '',
    -- The proposal's revision the stance was taken on.
    revision INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (proposal_id, user_id)
);

-- Earlier texts of revised proposals.
CREATE TABLE proposal_revisions (
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    title TEXT NOT NULL,
    body_html TEXT NOT NULL,
    replaced_at INTEGER NOT NULL,
    PRIMARY KEY (proposal_id, revision)
);

-- Everything that happened to a proposal, in order.
CREATE TABLE proposal_events (
    id INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    actor_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    -- A stance, an outcome or a revision number, as the kind needs.
    detail TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);
CREATE INDEX proposal_events_by_proposal ON proposal_events (proposal_id, id);

-- What a member is told about a proposal: closing soon, revised, blocked, closed, review due.
CREATE TABLE decision_notices (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    read_at INTEGER
);
CREATE INDEX decision_notices_by_user ON decision_notices (user_id, id);

-- Work due at a time: claimed by one node inside the transaction that does it and marks it done.
CREATE TABLE jobs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    subject_id INTEGER NOT NULL,
    due_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    claimed_by TEXT,
    done_at INTEGER
);
CREATE INDEX jobs_due ON jobs (due_at) WHERE done_at IS NULL;
CREATE INDEX jobs_by_subject ON jobs (subject_id, kind);
