-- A page of payouts ($1 limit, $2 offset), newest month first: every
-- instructor's ($3 = 'tenant') or instructor $4's own, of one status ($5) or
-- all (''), with the list's size.
SELECT p.id, p.instructor_id, u.name AS instructor_name, p.month, p.currency, p.amount_minor, p.status, p.reference,
       to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
       to_char(p.paid_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS paid_at,
       count(*) OVER () AS total
FROM instructor_payouts p
JOIN users u ON u.id = p.instructor_id
WHERE ($3 = 'tenant' OR p.instructor_id = $4) AND ($5 = '' OR p.status = $5)
ORDER BY p.month DESC, u.name, p.currency, p.id
LIMIT $1 OFFSET $2
