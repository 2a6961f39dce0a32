-- One page of the curriculum's live learning targets (shared and the
-- school's own), by subject, strand and code ($1 limit, $2 offset), with how
-- many live templates each has. Optional filters: $3 a LIKE pattern matched
-- case-insensitively against code, title and description (its wildcards
-- already escaped by the caller), $4 the subject, $5 the strand.
SELECT t.code, t.subject, t.strand, t.title, t.description,
       (SELECT count(*) FROM task_templates tt WHERE tt.target_id = t.id AND tt.retired_at IS NULL) AS templates,
       count(*) OVER () AS total
FROM learning_targets t
WHERE t.retired_at IS NULL
  AND ($3::text IS NULL OR t.title ILIKE $3 OR t.code ILIKE $3 OR t.description ILIKE $3)
  AND ($4::text IS NULL OR t.subject = $4)
  AND ($5::text IS NULL OR t.strand = $5)
ORDER BY t.subject, t.strand, t.code
LIMIT $1 OFFSET $2
