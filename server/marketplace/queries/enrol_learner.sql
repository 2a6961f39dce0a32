-- Enrols learner $3 in course $2 of tenant $1; no row when already enrolled
-- (a second press, or two at once, changes nothing).
INSERT INTO course_students (tenant_id, course_id, student_id) VALUES ($1, $2, $3)
ON CONFLICT DO NOTHING
RETURNING student_id
