-- The package invoice $1 sells, if it sells one: a row per invoice not void
-- that draws on it (its number, or "a draft"), or one row with a null
-- number when none does.
SELECT DISTINCT sale.package_id, CASE WHEN i.id IS NULL THEN NULL ELSE coalesce(i.number, 'a draft') END AS drawn_by
FROM invoice_lines sale
LEFT JOIN invoice_lines l ON l.package_id = sale.package_id AND l.occurrence_id IS NOT NULL
LEFT JOIN invoices i ON i.id = l.invoice_id AND i.state <> 'void'
WHERE sale.invoice_id = $1 AND sale.occurrence_id IS NULL
ORDER BY 2
