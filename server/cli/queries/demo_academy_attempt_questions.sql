-- The questions of demo attempts of tenant $1: $2 is a JSON array of
-- {attempt_id, position, question_id, answer, score, verdict, answered_at,
-- hints_used} (answer to answered_at null for a question left unanswered).
INSERT INTO quiz_attempt_questions (tenant_id, attempt_id, position, question_id, answer, score, verdict, answered_at,
                                    hints_used)
SELECT $1, q.attempt_id, q.position, q.question_id, q.answer, q.score, q.verdict, q.answered_at, q.hints_used
FROM jsonb_to_recordset($2::jsonb)
     AS q (attempt_id bigint, position integer, question_id bigint, answer jsonb, score double precision,
           verdict text, answered_at timestamptz, hints_used integer)
