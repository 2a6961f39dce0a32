-- Keeps one grade given to submission $2 (tenant $1): grade $3, feedback $4,
-- by $5, with the rubric's marks $6 (or NULL).
INSERT INTO grade_history (tenant_id, submission_id, grade, feedback, graded_by, rubric_marks)
VALUES ($1, $2, $3, $4, $5, $6::jsonb)
