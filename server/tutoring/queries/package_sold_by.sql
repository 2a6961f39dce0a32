-- The package invoice $1 sells, if it sells one: a row per invoice not void
-- that draws on it (its number, null for a draft, and "a draft" as
-- drawn_by), or one row with a null drawn_by when none does.
SELECT DISTINCT sale.package_id, i.id AS invoice_id, i.number,
       CASE WHEN i.id IS NULL THEN NULL ELSE coalesce(i.number, 'a draft') END AS drawn_by
FROM invoice_lines sale
LEFT JOIN invoice_lines l ON l.package_id = sale.package_id AND l.occurrence_id IS NOT NULL
LEFT JOIN invoices i ON i.id = l.invoice_id AND i.state <> 'void'
WHERE sale.invoice_id = $1 AND sale.occurrence_id IS NULL
ORDER BY drawn_by
