-- Invoice $1, locked until the transaction ends (its state changes).
SELECT {{> tutoring/_invoice_columns}}
FROM invoices i
JOIN users f ON f.id = i.family_id
WHERE i.id = $1
FOR UPDATE OF i
