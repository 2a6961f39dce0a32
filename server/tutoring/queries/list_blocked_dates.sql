-- The business's blocked dates and tutors' days off, with the tutor's name.
SELECT b.id, to_char(b.first_day, 'YYYY-MM-DD') AS first_day, to_char(b.last_day, 'YYYY-MM-DD') AS last_day,
       b.tutor_id, u.name AS tutor_name, b.label
FROM blocked_dates b
LEFT JOIN users u ON u.id = b.tutor_id
ORDER BY b.first_day, b.id
