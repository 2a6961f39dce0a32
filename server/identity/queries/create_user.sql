-- A new user of tenant $1: email $2, name $3, role $4, password hash $5 and
-- profile $6 (JSON text); answers their id.
INSERT INTO users (tenant_id, email, name, role, password_hash, profile)
VALUES ($1, $2, $3, $4, $5, $6::jsonb)
RETURNING id
