-- Handed-in demo attempts of tenant $1: $2 is a JSON array of {quiz_id,
-- student_id, number, seed, started_at, submitted_at, score}. Answers each
-- one's id with its quiz, student and number.
INSERT INTO quiz_attempts (tenant_id, quiz_id, student_id, number, seed, started_at, submitted_at, score)
SELECT $1, a.quiz_id, a.student_id, a.number, a.seed, a.started_at, a.submitted_at, a.score
FROM jsonb_to_recordset($2::jsonb)
     AS a (quiz_id bigint, student_id bigint, number integer, seed bigint, started_at timestamptz,
           submitted_at timestamptz, score double precision)
RETURNING id, quiz_id, student_id, number
