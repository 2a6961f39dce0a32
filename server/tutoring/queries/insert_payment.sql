-- One payment of tenant $1 and how it was spread: $2 is {"family_id",
-- "amount_minor", "currency", "received_on", "method", "note",
-- "created_by", "created_at" (absent or null: now), "allocations": [{"invoice_id",
-- "amount_minor"}], "settled": [{"invoice_id", "paid_at"}]}; the invoices
-- it settles become paid. Answers the payment's id.
WITH payment AS (
    INSERT INTO payments (tenant_id, family_id, amount_minor, currency, received_on, method, note, created_by,
                          created_at)
    SELECT $1, p.family_id, p.amount_minor, p.currency, p.received_on, p.method, p.note, p.created_by, coalesce(p.created_at, now())
    FROM jsonb_to_record($2::jsonb)
         AS p (family_id bigint, amount_minor bigint, currency text, received_on date, method text, note text,
               created_by bigint, created_at timestamptz)
    RETURNING id
), allocations AS (
    INSERT INTO payment_allocations (tenant_id, payment_id, invoice_id, amount_minor)
    SELECT $1, payment.id, a.invoice_id, a.amount_minor
    FROM payment, jsonb_to_recordset($2::jsonb -> 'allocations') AS a (invoice_id bigint, amount_minor bigint)
), settled AS (
    UPDATE invoices i SET state = 'paid', paid_at = s.paid_at
    FROM jsonb_to_recordset($2::jsonb -> 'settled') AS s (invoice_id bigint, paid_at timestamptz)
    WHERE i.tenant_id = $1 AND i.id = s.invoice_id
)
SELECT id FROM payment
