-- A window of tutor $2 (tenant $1): weekday $3 or date $4, from $5 to $6
-- ("HH:MM"), available $7. Answers its id.
INSERT INTO tutor_availability (tenant_id, tutor_id, weekday, on_date, starts, ends, available)
VALUES ($1, $2, $3, $4::date, $5::time, $6::time, $7)
RETURNING id
