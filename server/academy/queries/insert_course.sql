-- A new course of tenant $1: title $2, description $3, instructor $4.
INSERT INTO courses (tenant_id, title, description, instructor_id)
VALUES ($1, $2, $3, $4)
RETURNING id
