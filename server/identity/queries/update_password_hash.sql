-- Replaces user $2's password hash with $1 (a rehash at sign-in).
UPDATE users SET password_hash = $1 WHERE id = $2
