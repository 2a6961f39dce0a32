-- Stores student $3's (school $1) answer to task $2 under client id $4: the
-- answer $5 (JSON), the server's verdict $6 and score $7, the browser's
-- verdict $8, whether they disagree $9, the mastery after it $10, and when it
-- was answered: the device's time $11 (when given), but not before the task
-- existed ($12, its set's creation) nor after now (a device's clock can be
-- wrong). Returns the new id; no row when the task or the client id was
-- answered already (a concurrent answer loses here).
INSERT INTO task_responses (tenant_id, task_id, student_id, client_id, answer, verdict, score,
                            client_verdict, disagreement, known_after, answered_at)
VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10,
        least(greatest(coalesce($11::timestamptz, now()), $12::timestamptz), now()))
ON CONFLICT DO NOTHING
RETURNING id
