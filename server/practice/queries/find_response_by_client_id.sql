-- The answer sent earlier under client id $1 (offline sync may send it
-- again): its verdict, score and mastery after it, and whose task it was.
SELECT r.verdict, r.score, r.known_after, r.task_id, r.student_id
FROM task_responses r
WHERE r.client_id = $1
