-- Serialises drawing on the packages of family $1's students (itself, or its
-- linked children), so two invoices drafted at once never draw the same
-- minutes: the second waits for the first's transaction, then reads what it
-- drew (packages_for_billing). One lock per student, taken in id order.
SELECT count(pg_advisory_xact_lock(hashtextextended('learnloop.packages.' || s.id, 0))) AS locked
FROM (SELECT $1::bigint AS id UNION SELECT student_id FROM parent_links WHERE parent_id = $1 ORDER BY 1) AS s
