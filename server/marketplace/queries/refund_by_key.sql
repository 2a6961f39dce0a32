-- The refund of order $1 made for request key $2, if one was.
SELECT gross_minor FROM order_refunds WHERE order_id = $1 AND request_key = $2
