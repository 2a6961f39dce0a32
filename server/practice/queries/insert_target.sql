-- Adds one of school $1's own learning targets: $2 code, $3 subject,
-- $4 strand, $5 title, $6 description, $7 BKT parameters (JSON). Returns its id.
INSERT INTO learning_targets (tenant_id, code, subject, strand, title, description, bkt, content_hash)
VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, '')
RETURNING id
