-- After issuing invoices for tenant $1: the next number to give is $2.
UPDATE tutoring_settings SET next_invoice_number = $2, updated_at = now() WHERE tenant_id = $1
