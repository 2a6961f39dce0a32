-- The demo's answers for tenant $1: $2 is a JSON array of {"set_id",
-- "position", "student_id", "client_id", "answer", "verdict", "score",
-- "known_after", "answered_at"}, each to the task at that position of that
-- set. The browser graded them alike (no disagreement) and they arrived when made.
INSERT INTO task_responses (tenant_id, task_id, student_id, client_id, answer, verdict, score, client_verdict,
                            disagreement, known_after, answered_at, received_at)
SELECT $1, k.id, r.student_id, r.client_id, r.answer, r.verdict, r.score, r.verdict, false, r.known_after,
       r.answered_at, r.answered_at
FROM jsonb_to_recordset($2::jsonb)
     AS r (set_id bigint, position integer, student_id bigint, client_id text, answer jsonb, verdict text,
           score double precision, known_after double precision, answered_at timestamptz)
JOIN tasks k ON k.set_id = r.set_id AND k.position = r.position
