-- Each family's account (family $1's only when given): what its issued and
-- paid invoices total, what it has paid, and what it paid that is not yet on
-- an invoice (credit). Families with neither invoices nor payments are left out.
WITH invoiced AS (
    SELECT family_id, sum(total_minor) AS invoiced_minor FROM invoices
    WHERE state IN ('issued', 'paid') GROUP BY family_id
), paid AS (
    SELECT family_id, sum(amount_minor) AS paid_minor FROM payments GROUP BY family_id
), spread AS (
    SELECT p.family_id, sum(a.amount_minor) AS spread_minor
    FROM payment_allocations a JOIN payments p ON p.id = a.payment_id GROUP BY p.family_id
)
SELECT u.id AS family_id, u.name AS family_name, coalesce(i.invoiced_minor, 0) AS invoiced_minor,
       coalesce(p.paid_minor, 0) AS paid_minor, coalesce(p.paid_minor, 0) - coalesce(s.spread_minor, 0) AS credit_minor
FROM users u
LEFT JOIN invoiced i ON i.family_id = u.id
LEFT JOIN paid p ON p.family_id = u.id
LEFT JOIN spread s ON s.family_id = u.id
WHERE (i.family_id IS NOT NULL OR p.family_id IS NOT NULL)
  AND ($1::bigint IS NULL OR u.id = $1)
ORDER BY u.name, u.id
