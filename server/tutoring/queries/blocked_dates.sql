-- The business's blocked dates and every tutor's days off.
SELECT to_char(first_day, 'YYYY-MM-DD') AS first_day, to_char(last_day, 'YYYY-MM-DD') AS last_day, tutor_id, label
FROM blocked_dates
ORDER BY first_day
