-- The packages sold, newest first, at most 500: when $1 is given, those
-- family $1 paid for; student $2's only when given; those still on a draft
-- invoice only when $3 (the office).
SELECT {{> tutoring/_package_columns}}
FROM hour_packages p
JOIN invoice_lines sale ON sale.package_id = p.id AND sale.occurrence_id IS NULL
JOIN invoices si ON si.id = sale.invoice_id
JOIN users st ON st.id = p.student_id
JOIN users f ON f.id = p.family_id
WHERE ($1::bigint IS NULL OR p.family_id = $1)
  AND ($2::bigint IS NULL OR p.student_id = $2)
  AND ($3 OR si.state <> 'draft')
ORDER BY p.purchased_on DESC, p.id DESC
LIMIT 500
