-- A new session of user $2 in tenant $1, stored as its token's SHA-256 ($3,
-- hex), living $4 (an interval); answers its id and expiry (UTC).
INSERT INTO auth_sessions (tenant_id, user_id, token_hash, expires_at)
VALUES ($1, $2, decode($3, 'hex'), now() + $4::interval)
RETURNING id, to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS expires_at
