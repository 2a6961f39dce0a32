-- Payout $1, locked, with its instructor's name.
SELECT p.id, p.instructor_id, u.name AS instructor_name, p.month, p.currency, p.amount_minor, p.status, p.reference,
       to_char(p.paid_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS paid_at
FROM instructor_payouts p
JOIN users u ON u.id = p.instructor_id
WHERE p.id = $1
FOR UPDATE OF p
