-- Blocked dates for tenant $1: $2 is a JSON array of {"tutor_id" (null: the
-- whole business), "first_day", "last_day", "label"}.
INSERT INTO blocked_dates (tenant_id, tutor_id, first_day, last_day, label)
SELECT $1, b.tutor_id, b.first_day, b.last_day, b.label
FROM jsonb_to_recordset($2::jsonb) AS b (tutor_id bigint, first_day date, last_day date, label text)
