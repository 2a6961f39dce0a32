-- The current version of question $2 in the bank of tenant $1 (NULL: the
-- shared bank), locked until the import that asked commits: its version
-- and content hash.
SELECT version, content_hash
FROM bank_questions
WHERE tenant_id IS NOT DISTINCT FROM $1::bigint AND code = $2 AND superseded_at IS NULL
FOR UPDATE
