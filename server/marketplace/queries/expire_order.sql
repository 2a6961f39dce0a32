-- An order whose checkout ran out ($1), no longer waiting.
UPDATE course_orders SET status = 'expired', updated_at = now() WHERE id = $1 AND status = 'pending'
