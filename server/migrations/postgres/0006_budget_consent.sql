-- Budgets that wait for the network's word: the passed lazy-consent decision that agreed a
-- round's rules, or a payout above the admins' threshold. The thresholds themselves are rows of
-- network_settings.
ALTER TABLE budget_rounds ADD COLUMN rules_decision_id BIGINT REFERENCES proposals (id);
ALTER TABLE buckets ADD COLUMN payout_decision_id BIGINT REFERENCES proposals (id);
