-- A module of a demo course ($1 tenant, $2 course, $3 position, $4 title).
INSERT INTO course_modules (tenant_id, course_id, position, title) VALUES ($1, $2, $3, $4) RETURNING id
