-- Ends session $1 (sign-out, or the old session of a refresh).
UPDATE auth_sessions SET revoked_at = now() WHERE id = $1
