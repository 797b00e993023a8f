-- Budgets: pots, rounds, buckets, ballot projects and ballots, the audit trail, and the ledger
-- every balance derives from. Amounts are integer cents; times are Unix seconds, UTC.

-- The network's pot (scope 'network') and one pot per city (scope 'city:ID').
CREATE TABLE pots (
    id INTEGER PRIMARY KEY,
    scope TEXT NOT NULL UNIQUE,
    city_id INTEGER REFERENCES cities (id),
    name TEXT NOT NULL,
    -- Bumped by every movement of the pot's money, in the same transaction: it serialises them
    -- (the row lock on PostgreSQL, the write lock on SQLite) and tells live pages to refresh.
    version INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);

CREATE TABLE budget_rounds (
    id INTEGER PRIMARY KEY,
    pot_id INTEGER NOT NULL REFERENCES pots (id),
    mode TEXT NOT NULL CHECK (mode IN ('funding', 'ballot')),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    description_html TEXT NOT NULL DEFAULT '',
    -- funding: draft, open, closed; ballot: proposals, review, voting, tallied.
    phase TEXT NOT NULL,
    -- When each phase is planned to start (shown to members; connectors move phases).
    opens_at INTEGER,
    review_at INTEGER,
    voting_at INTEGER,
    closes_at INTEGER,
    -- The round's rules as JSON (ballot kind and limits, counting rule, caps, public counts).
    rules TEXT NOT NULL,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX budget_rounds_by_pot ON budget_rounds (pot_id, id);

CREATE TABLE buckets (
    id INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES budget_rounds (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    description_html TEXT NOT NULL DEFAULT '',
    min_cents INTEGER NOT NULL CHECK (min_cents > 0),
    max_cents INTEGER NOT NULL CHECK (max_cents >= min_cents),
    -- draft, open, funded, completed, cancelled
    status TEXT NOT NULL,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    funded_at INTEGER,
    paid_at INTEGER,
    paid_by INTEGER REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX buckets_by_round ON buckets (round_id, id);

CREATE TABLE bucket_lines (
    id INTEGER PRIMARY KEY,
    bucket_id INTEGER NOT NULL REFERENCES buckets (id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0)
);
CREATE INDEX bucket_lines_by_bucket ON bucket_lines (bucket_id, id);

CREATE TABLE bucket_cocreators (
    bucket_id INTEGER NOT NULL REFERENCES buckets (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (bucket_id, user_id)
);

CREATE TABLE bucket_comments (
    id INTEGER PRIMARY KEY,
    bucket_id INTEGER NOT NULL REFERENCES buckets (id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    body_html TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX bucket_comments_by_bucket ON bucket_comments (bucket_id, id);

-- Who changed what in a pot or round, with the values before and after (JSON).
CREATE TABLE budget_audit (
    id INTEGER PRIMARY KEY,
    pot_id INTEGER REFERENCES pots (id),
    round_id INTEGER REFERENCES budget_rounds (id),
    actor_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    before_value TEXT,
    after_value TEXT,
    at INTEGER NOT NULL
);
CREATE INDEX budget_audit_by_round ON budget_audit (round_id, id);
CREATE INDEX budget_audit_by_pot ON budget_audit (pot_id, id);

-- Projects proposed in a ballot round; connectors accept (possibly adjusting the cost) or reject.
CREATE TABLE ballot_projects (
    id INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES budget_rounds (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    description_html TEXT NOT NULL DEFAULT '',
    cost_cents INTEGER NOT NULL CHECK (cost_cents > 0),
    -- proposed, accepted, rejected
    status TEXT NOT NULL,
    review_reason TEXT NOT NULL DEFAULT '',
    proposed_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX ballot_projects_by_round ON ballot_projects (round_id, id);

-- Every movement of money, append-only. `debit` is the account the money leaves, `credit` the
-- one it reaches: 'outside' (money entering or leaving the network), 'pot:ID', 'round:ID'
-- (a ballot round's budget), 'member:RID:UID' (a member's balance in a funding round),
-- 'bucket:ID'. An account's balance is what it received minus what it gave.
CREATE TABLE ledger (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    debit TEXT NOT NULL,
    credit TEXT NOT NULL,
    pot_id INTEGER REFERENCES pots (id),
    round_id INTEGER REFERENCES budget_rounds (id),
    bucket_id INTEGER REFERENCES buckets (id),
    -- A ballot round's winner, for its payout.
    project_id INTEGER REFERENCES ballot_projects (id),
    member_id INTEGER REFERENCES users (id),
    actor_id INTEGER REFERENCES users (id),
    note TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    CHECK (debit <> credit)
);
CREATE INDEX ledger_by_debit ON ledger (debit);
CREATE INDEX ledger_by_credit ON ledger (credit);
CREATE INDEX ledger_by_round ON ledger (round_id, id);

-- One ballot per member per round, replaced while voting is open.
CREATE TABLE ballots (
    id INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES budget_rounds (id),
    user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    cast_at INTEGER NOT NULL,
    UNIQUE (round_id, user_id)
);

CREATE TABLE ballot_choices (
    ballot_id INTEGER NOT NULL REFERENCES ballots (id) ON DELETE CASCADE,
    project_id INTEGER NOT NULL REFERENCES ballot_projects (id),
    points INTEGER NOT NULL CHECK (points > 0),
    PRIMARY KEY (ballot_id, project_id)
);
CREATE INDEX ballot_choices_by_project ON ballot_choices (project_id);

-- The published result of a tallied round (the engine's outcome, JSON) and when.
CREATE TABLE round_results (
    round_id INTEGER PRIMARY KEY REFERENCES budget_rounds (id),
    outcome TEXT NOT NULL,
    tallied_at INTEGER NOT NULL,
    tallied_by INTEGER REFERENCES users (id) ON DELETE SET NULL
);
