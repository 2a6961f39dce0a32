-- A demo quiz of tenant $1 in course $2: title $3, mode $4, plan $5 (JSON),
-- $6 questions, $7 minutes (0: none), $8 attempts (0: any), set by $9 at $10,
-- with the tutor ($11) or not.
INSERT INTO quizzes (tenant_id, course_id, title, mode, plan, question_count, time_limit_minutes, attempts_allowed,
                     created_by, created_at, tutor)
VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10::timestamptz, $11)
RETURNING id
