-- The categories of the current questions the caller's academy can draw on
-- (row-level security: the shared bank's and its own), with how many each.
SELECT category, count(*) AS questions
FROM bank_questions
WHERE superseded_at IS NULL AND category <> ''
GROUP BY category
ORDER BY category
