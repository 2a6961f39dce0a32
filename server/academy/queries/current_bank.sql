-- Every current question of the bank of tenant $1 (NULL: the shared bank),
-- as GIFT, in category and code order.
SELECT code, version, body
FROM bank_questions
WHERE tenant_id IS NOT DISTINCT FROM $1::bigint AND superseded_at IS NULL
ORDER BY category, code
