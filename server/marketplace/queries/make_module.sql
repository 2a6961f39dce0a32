-- A new module of tenant $1's course $2, titled $3, after its others.
INSERT INTO course_modules (tenant_id, course_id, position, title)
SELECT $1, $2, coalesce(max(position) + 1, 0), $3 FROM course_modules WHERE course_id = $2
RETURNING id
