-- An invoices row `i` as the API writes it, with its family's name and what
-- has been paid on it.
i.id, i.number, i.family_id, f.name AS family_name, i.state, i.period_from::text AS period_from,
i.period_to::text AS period_to, i.currency, i.subtotal_minor, i.tax_basis_points, i.tax_minor, i.total_minor,
(SELECT coalesce(sum(a.amount_minor), 0) FROM payment_allocations a WHERE a.invoice_id = i.id) AS paid_minor,
to_char(i.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
to_char(i.issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS issued_at
