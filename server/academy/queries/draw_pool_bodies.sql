-- The questions of academy $1's draw pool (academy/draw_pool) as GIFT, by id.
SELECT DISTINCT ON (code) id, code, version, body
FROM bank_questions
WHERE superseded_at IS NULL AND (tenant_id IS NULL OR tenant_id = $1)
ORDER BY code, tenant_id NULLS LAST
