-- Spreads $3 of payment $2 onto invoice $4 (tenant $1); the invoice becomes
-- paid when $5.
WITH allocated AS (
    INSERT INTO payment_allocations (tenant_id, payment_id, invoice_id, amount_minor)
    VALUES ($1, $2, $4, $3)
)
UPDATE invoices SET state = 'paid', paid_at = now() WHERE id = $4 AND $5
