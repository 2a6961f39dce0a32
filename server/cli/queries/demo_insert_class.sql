-- A demo class: tenant $1, name $2, teacher $3, made at $4; answers its id.
INSERT INTO classes (tenant_id, name, teacher_id, created_at) VALUES ($1, $2, $3, $4::timestamptz) RETURNING id
