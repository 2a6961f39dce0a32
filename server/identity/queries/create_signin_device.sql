-- A new known device of user $2 in tenant $1, stored as its token's SHA-256
-- ($3, hex); the user's devices unused for 90 days are forgotten at the same
-- time, so a user's list stays as long as the browsers they use.
WITH stale AS (
    DELETE FROM signin_devices
    WHERE tenant_id = $1 AND user_id = $2 AND last_used_at <= now() - interval '90 days'
)
INSERT INTO signin_devices (tenant_id, user_id, token_hash) VALUES ($1, $2, decode($3, 'hex'))
