-- A new task set for student $2 of school $1, made with seed $3. Returns its id.
INSERT INTO task_sets (tenant_id, student_id, seed)
VALUES ($1, $2, $3)
RETURNING id
