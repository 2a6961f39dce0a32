-- A hour_packages row `p` as the API writes it: its student and family by
-- name, the invoice that sells it (`sale` line, `si` invoice) and the
-- minutes that invoices not void have drawn on it.
p.id, p.student_id, st.name AS student_name, p.family_id, f.name AS family_name, p.minutes, p.price_minor, p.currency,
p.purchased_on::text AS purchased_on, p.expires_on::text AS expires_on, si.id AS invoice_id, si.number AS invoice_number,
si.state AS invoice_state,
{{> tutoring/_package_drawn}} AS minutes_used
