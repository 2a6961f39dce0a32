-- Ends every live session of user $1 (when they are deactivated).
UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL
