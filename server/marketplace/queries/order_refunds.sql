-- Order $1's refunds, oldest first, with who gave each.
SELECT r.id, r.gross_minor, r.reason, u.name AS refunded_by_name,
       to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at
FROM order_refunds r
JOIN users u ON u.id = r.refunded_by
WHERE r.order_id = $1
ORDER BY r.created_at, r.id
