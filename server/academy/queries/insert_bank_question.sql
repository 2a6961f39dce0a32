-- A question's version in the bank of tenant $1 (NULL: the shared bank):
-- $2 code, $3 version, $4 kind, $5 category, $6 skill, $7 difficulty,
-- $8 the question as GIFT, $9 its content hash, $10 who added it, $11 its
-- text and answers for searching.
INSERT INTO bank_questions (tenant_id, code, version, kind, category, skill, difficulty, body, content_hash, created_by,
                            search_text)
VALUES ($1::bigint, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
RETURNING id
