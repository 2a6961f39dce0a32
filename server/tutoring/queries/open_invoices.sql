-- Family $1's issued invoices with what is still owed, oldest first,
-- locked: a payment is spread over them in this order.
SELECT i.id, i.total_minor, i.currency,
       (SELECT coalesce(sum(a.amount_minor), 0) FROM payment_allocations a WHERE a.invoice_id = i.id) AS paid_minor
FROM invoices i
WHERE i.family_id = $1 AND i.state = 'issued'
ORDER BY i.issued_at, i.id
FOR UPDATE
