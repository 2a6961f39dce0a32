-- Invoice $1.
SELECT {{> tutoring/_invoice_columns}}
FROM invoices i
JOIN users f ON f.id = i.family_id
WHERE i.id = $1
