-- What was paid on invoice $1, by payment.
SELECT p.id AS payment_id, p.received_on::text AS received_on, p.method, a.amount_minor
FROM payment_allocations a
JOIN payments p ON p.id = a.payment_id
WHERE a.invoice_id = $1
ORDER BY p.received_on, p.id
