-- A member who deletes their account leaves a pseudonym behind: the row stays, so their ballots,
-- ledger entries and stances still count in every total, but it no longer holds anything personal.
ALTER TABLE users ADD COLUMN deleted_at BIGINT;
