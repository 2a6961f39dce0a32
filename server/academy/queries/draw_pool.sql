-- The current questions the caller's academy can draw on, one per code:
-- its own question hides a shared one with the same code.
SELECT DISTINCT ON (code) id, code, skill, difficulty
FROM bank_questions
WHERE superseded_at IS NULL
ORDER BY code, tenant_id NULLS LAST
