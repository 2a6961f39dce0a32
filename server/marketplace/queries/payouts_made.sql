-- The payouts made to instructor $1 (to every instructor when $1 is 0),
-- newest month first.
SELECT p.id, p.instructor_id, u.name AS instructor_name, p.month, p.currency, p.amount_minor, p.status, p.reference,
       to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
       to_char(p.paid_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS paid_at
FROM instructor_payouts p
JOIN users u ON u.id = p.instructor_id
WHERE $1 = 0 OR p.instructor_id = $1
ORDER BY p.month DESC, u.name, p.currency
