-- A link code for student $2 of tenant $1, stored as its SHA-256 ($3, hex),
-- valid for 7 days; answers its id and expiry (UTC).
INSERT INTO parent_link_codes (tenant_id, student_id, code_hash, expires_at)
VALUES ($1, $2, decode($3, 'hex'), now() + interval '7 days')
RETURNING id, to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS expires_at
