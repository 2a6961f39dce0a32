-- Invoice $1's lines, by day, with the student's name.
SELECT l.occurrence_id, l.student_id, u.name AS student_name, l.session_date::text AS session_date, l.description,
       l.minutes, l.billable_percent, l.per_hour_minor, l.amount_minor, l.package_id, l.package_minutes
FROM invoice_lines l
JOIN users u ON u.id = l.student_id
WHERE l.invoice_id = $1
ORDER BY l.session_date, l.id
