-- Order $1 moved to status $2 by its provider; $3 is the payment's id once
-- paid.
UPDATE course_orders
SET status = $2,
    payment_id = coalesce($3, payment_id),
    paid_at = CASE WHEN $2 = 'paid' THEN coalesce(paid_at, now()) ELSE paid_at END,
    updated_at = now()
WHERE id = $1
