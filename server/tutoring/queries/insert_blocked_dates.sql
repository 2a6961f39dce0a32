-- New blocked dates for tenant $1: first day $2, last day $3, tutor $4 (NULL: everyone), label $5.
INSERT INTO blocked_dates (tenant_id, first_day, last_day, tutor_id, label)
VALUES ($1, $2::date, $3::date, $4, $5)
RETURNING id
