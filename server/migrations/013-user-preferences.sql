-- Per-user console preferences. single_key_shortcuts: the console's one-letter shortcuts (G, L, B, H, V, T, C, S)
-- are on (1, default) or off (0) for this account (WCAG 2.1.4 Character Key Shortcuts: a user can turn them off).
ALTER TABLE users ADD COLUMN single_key_shortcuts INTEGER NOT NULL DEFAULT 1 CHECK (single_key_shortcuts IN (0, 1));
