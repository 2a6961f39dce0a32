-- The questions of attempt $2 of tenant $1 in order: bank question ids $3
-- (an array), position 0 first.
INSERT INTO quiz_attempt_questions (tenant_id, attempt_id, position, question_id)
SELECT $1, $2, q.ordinality - 1, q.id
FROM unnest($3::bigint[]) WITH ORDINALITY AS q (id, ordinality)
