-- Keeps one grade given to submission $2 (tenant $1): grade $3, feedback $4, by $5.
INSERT INTO grade_history (tenant_id, submission_id, grade, feedback, graded_by) VALUES ($1, $2, $3, $4, $5)
