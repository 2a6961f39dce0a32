-- A new user of tenant $1: email $2, name $3, role $4, password hash $5,
-- profile $6 (JSON text) and approval $7 ('approved', or 'pending' for staff
-- who signed themselves up); answers their id.
INSERT INTO users (tenant_id, email, name, role, password_hash, profile, approval)
VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)
RETURNING id
