-- Sets student $2's exam goal in tenant $1: exam day $3, $4 minutes a day, set by user $5.
INSERT INTO study_goals (tenant_id, student_id, exam_day, minutes_per_day, updated_by)
VALUES ($1, $2, $3::date, $4, $5)
ON CONFLICT (tenant_id, student_id) DO UPDATE
SET exam_day = excluded.exam_day, minutes_per_day = excluded.minutes_per_day,
    updated_at = now(), updated_by = excluded.updated_by
