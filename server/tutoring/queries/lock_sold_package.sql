-- Takes the drawing lock (lock_family_packages) of the student whose
-- package invoice $1 sells, if it sells one: a void of the sale waits for a
-- draft drawing on it, and then sees what it drew (package_sold_by).
SELECT pg_advisory_xact_lock(hashtextextended('learnloop.packages.' || p.student_id, 0)) AS locked
FROM invoice_lines sale
JOIN hour_packages p ON p.id = sale.package_id
WHERE sale.invoice_id = $1 AND sale.occurrence_id IS NULL
