-- The current questions academy $1 can draw on, one per code: its own
-- question hides a shared one with the same code. (Row-level security
-- already confines the application to them; the CLI's demo, which runs as
-- the owner, relies on the filter.)
SELECT DISTINCT ON (code) id, code, skill, difficulty, category
FROM bank_questions
WHERE superseded_at IS NULL AND (tenant_id IS NULL OR tenant_id = $1)
ORDER BY code, tenant_id NULLS LAST
