-- A demo learner ($3) enrolled in a course ($2) of tenant $1 at $4 (UTC).
INSERT INTO course_students (tenant_id, course_id, student_id, enrolled_at) VALUES ($1, $2, $3, $4::timestamptz)
ON CONFLICT DO NOTHING
