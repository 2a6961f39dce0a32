-- A new quiz of tenant $1 in course $2: title $3, mode $4, plan $5 (JSON),
-- $6 questions an attempt, a time limit of $7 minutes, $8 attempts allowed,
-- set by user $9, with the tutor ($10) or not.
INSERT INTO quizzes (tenant_id, course_id, title, mode, plan, question_count, time_limit_minutes, attempts_allowed,
                     created_by, tutor)
VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10)
RETURNING id
