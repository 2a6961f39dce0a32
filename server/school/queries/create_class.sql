-- A new class in tenant $1 named $2, taught by $3; answers its id.
INSERT INTO classes (tenant_id, name, teacher_id) VALUES ($1, $2, $3)
RETURNING id
