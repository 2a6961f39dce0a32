-- Family $1's payments with something not yet spread over invoices (its
-- credit), oldest first, locked: a newly issued invoice takes from them.
SELECT p.id, p.amount_minor - coalesce((SELECT sum(a.amount_minor) FROM payment_allocations a
                                        WHERE a.payment_id = p.id), 0) AS unspent_minor
FROM payments p
WHERE p.family_id = $1
ORDER BY p.received_on, p.id
FOR UPDATE
