-- A new known device of user $2 in tenant $1, stored as its token's SHA-256
-- ($3, hex). The user's devices unused for 90 days are forgotten at the same
-- time, and so are all but the 19 used most recently: a client that never
-- keeps its token (a script signing in again and again) cannot grow the list
-- past 20.
WITH stale AS (
    DELETE FROM signin_devices
    WHERE tenant_id = $1 AND user_id = $2
      AND (last_used_at <= now() - interval '90 days'
           OR id NOT IN (SELECT id FROM signin_devices WHERE tenant_id = $1 AND user_id = $2
                         ORDER BY last_used_at DESC, id DESC LIMIT 19))
)
INSERT INTO signin_devices (tenant_id, user_id, token_hash) VALUES ($1, $2, decode($3, 'hex'))
