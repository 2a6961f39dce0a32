-- Upserts a shared (tenant NULL) learning target by code $1: $2 subject,
-- $3 strand, $4 title, $5 description, $6 BKT parameters (JSON), $7 the
-- content hash. A row whose hash matches and is live is left alone (no row
-- returned); otherwise returns its id and whether it was inserted.
INSERT INTO learning_targets (tenant_id, code, subject, strand, title, description, bkt, content_hash)
VALUES (NULL, $1, $2, $3, $4, $5, $6::jsonb, $7)
ON CONFLICT (tenant_id, code) DO UPDATE
SET subject = EXCLUDED.subject, strand = EXCLUDED.strand, title = EXCLUDED.title,
    description = EXCLUDED.description, bkt = EXCLUDED.bkt, content_hash = EXCLUDED.content_hash,
    updated_at = now(), retired_at = NULL
WHERE learning_targets.content_hash <> EXCLUDED.content_hash OR learning_targets.retired_at IS NOT NULL
RETURNING id, xmax = 0 AS inserted
