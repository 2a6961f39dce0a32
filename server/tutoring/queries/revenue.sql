-- What issued and paid invoices bill for sessions on local days $1 to $2
-- (both included), one row per month, tutor and student: the revenue
-- charts add them up as they need. A session prepaid by a package earns its
-- share of the package's price (a package's sale is not a session, so it
-- earns nothing until its hours are used).
SELECT to_char(l.session_date, 'YYYY-MM') AS month, coalesce(o.tutor_id, s.tutor_id) AS tutor_id, tu.name AS tutor_name,
       l.student_id, st.name AS student_name, sum(l.amount_minor + l.package_value_minor) AS amount_minor, count(*) AS sessions
FROM invoice_lines l
JOIN invoices i ON i.id = l.invoice_id AND i.state IN ('issued', 'paid')
JOIN session_occurrences o ON o.id = l.occurrence_id
JOIN session_series s ON s.id = o.series_id
JOIN users tu ON tu.id = coalesce(o.tutor_id, s.tutor_id)
JOIN users st ON st.id = l.student_id
WHERE l.session_date >= $1::date AND l.session_date <= $2::date
GROUP BY 1, 2, 3, 4, 5
ORDER BY 1, 3, 5
