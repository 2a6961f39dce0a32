-- Removes blocked dates $1; returns what was removed.
DELETE FROM blocked_dates WHERE id = $1
RETURNING id, to_char(first_day, 'YYYY-MM-DD') AS first_day, to_char(last_day, 'YYYY-MM-DD') AS last_day, tutor_id, label
