-- Issues draft invoice $1 with number $2.
UPDATE invoices SET state = 'issued', number = $2, issued_at = now()
WHERE id = $1 AND state = 'draft'
