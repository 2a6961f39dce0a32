-- The minutes that invoices not void have drawn on hour_packages row `p`.
(SELECT coalesce(sum(l.package_minutes), 0)
 FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id AND i.state <> 'void'
 WHERE l.package_id = p.id AND l.occurrence_id IS NOT NULL)
