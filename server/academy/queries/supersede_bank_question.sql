-- Marks the current version of question $2 in the bank of tenant $1 (NULL:
-- the shared bank) superseded, before its next version is inserted.
UPDATE bank_questions SET superseded_at = now()
WHERE tenant_id IS NOT DISTINCT FROM $1::bigint AND code = $2 AND superseded_at IS NULL
