-- The live packages of family $1's students (its own, or its linked
-- children's), whoever paid for them: sold on an invoice that has been
-- issued (a draft sale covers nothing yet; a void one never), with what is
-- left.
SELECT p.id, p.student_id, p.minutes, p.price_minor, p.currency, p.purchased_on::text AS purchased_on,
       coalesce(p.expires_on::text, '') AS expires_on,
       p.minutes - {{> tutoring/_package_drawn}} AS minutes_left
FROM hour_packages p
JOIN invoice_lines sale ON sale.package_id = p.id AND sale.occurrence_id IS NULL
JOIN invoices si ON si.id = sale.invoice_id AND si.state IN ('issued', 'paid')
WHERE p.student_id = $1 OR p.student_id IN (SELECT student_id FROM parent_links WHERE parent_id = $1)
ORDER BY p.purchased_on, p.id
