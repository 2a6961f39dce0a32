-- Order $1's checkout at its provider: its id ($2) and page ($3).
UPDATE course_orders SET checkout_id = $2, checkout_url = $3, updated_at = now() WHERE id = $1
