-- Tutors' availability for tenant $1: $2 is a JSON array of {"tutor_id",
-- "weekday" (0 = Sunday) or "on_date", "starts", "ends", "available"}.
INSERT INTO tutor_availability (tenant_id, tutor_id, weekday, on_date, starts, ends, available)
SELECT $1, a.tutor_id, a.weekday, a.on_date, a.starts, a.ends, a.available
FROM jsonb_to_recordset($2::jsonb)
     AS a (tutor_id bigint, weekday smallint, on_date date, starts time, ends time, available boolean)
