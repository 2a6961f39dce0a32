-- Removes availability window $1 of tutor $2 (any tutor's when $2 is null);
-- returns what was removed, in minutes of the day.
DELETE FROM tutor_availability WHERE id = $1 AND ($2::bigint IS NULL OR tutor_id = $2)
RETURNING id, tutor_id, weekday, coalesce(to_char(on_date, 'YYYY-MM-DD'), '') AS on_date,
          (extract(epoch FROM starts) / 60)::int AS start_minute, (extract(epoch FROM ends) / 60)::int AS end_minute,
          available
