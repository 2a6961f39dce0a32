-- A demo course of tenant $1: title $2, description $3, instructor $4,
-- created at $5, join code $7; its students $6 (an array) enrolled at $5.
WITH course AS (
    INSERT INTO courses (tenant_id, title, description, instructor_id, created_at, join_code)
    VALUES ($1, $2, $3, $4, $5::timestamptz, $7)
    RETURNING id
), enrolled AS (
    INSERT INTO course_students (tenant_id, course_id, student_id, enrolled_at)
    SELECT $1, course.id, s.id, $5::timestamptz
    FROM course, unnest($6::bigint[]) AS s (id)
)
SELECT id FROM course
