-- Tutor $1's availability with ids: weekly windows and exceptions on dates,
-- in minutes of the day (finance-free; tutoring/conflicts sorts them).
SELECT id, weekday, coalesce(to_char(on_date, 'YYYY-MM-DD'), '') AS on_date,
       (extract(epoch FROM starts) / 60)::int AS start_minute, (extract(epoch FROM ends) / 60)::int AS end_minute,
       available
FROM tutor_availability
WHERE tutor_id = $1
ORDER BY id
