-- A page of invoices ($1 limit, $2 offset), newest first: family $3's only
-- when given, in state $4 when given; drafts only when $5 (the office).
SELECT {{> tutoring/_invoice_columns}}, count(*) OVER () AS total
FROM invoices i
JOIN users f ON f.id = i.family_id
WHERE ($3::bigint IS NULL OR i.family_id = $3)
  AND ($4::text IS NULL OR i.state = $4)
  AND ($5 OR i.state <> 'draft')
ORDER BY i.created_at DESC, i.id DESC
LIMIT $1 OFFSET $2
