-- A demo learner's ($3) mark of lesson $2 (course $4, tenant $1): $5
-- seconds spent, $6 position, $7 when completed (null: left part-way), $8
-- when last worked in (UTC).
INSERT INTO lesson_progress (tenant_id, lesson_id, learner_id, course_id, seconds_spent, position_seconds, completed_at,
                             updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8::timestamptz)
ON CONFLICT DO NOTHING
