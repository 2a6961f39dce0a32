-- Student $3's attempt number $4 at quiz $2 of tenant $1, shuffled by seed $5.
INSERT INTO quiz_attempts (tenant_id, quiz_id, student_id, number, seed)
VALUES ($1, $2, $3, $4, $5)
RETURNING id
