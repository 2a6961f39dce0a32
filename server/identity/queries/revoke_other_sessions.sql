-- Ends every live session of user $1 except session $2 (after a password
-- change: whoever else was signed in with the old password is signed out).
UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL
