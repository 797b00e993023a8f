-- The language Edges writes to a member in (its emails): chosen at sign-up from the language the
-- member was reading, changed in their email settings.
ALTER TABLE users ADD COLUMN locale TEXT NOT NULL DEFAULT 'en';
