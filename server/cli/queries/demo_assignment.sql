-- The demo's assignment for class $3 of teacher $2 (tenant $1): title $4,
-- description $5, due a week from today at 17:00 (UTC); answers its id.
INSERT INTO assignments (tenant_id, teacher_id, class_id, title, description, due_at)
VALUES ($1, $2, $3, $4, $5, date_trunc('day', now()) + interval '7 days 17 hours')
RETURNING id
