-- One page ($1 limit, $2 offset) of the current questions the caller's
-- tenant can draw on — its own and, for an academy, the shared bank's
-- (row-level security shows nothing else) — optionally of one
-- skill ($3), difficulty ($4) and kind ($5), and containing words ($6,
-- matched in the question's text and answers without regard to case; the
-- caller escapes % and _), in category and code order.
SELECT id, tenant_id IS NULL AS shared, code, version, kind, category, skill, difficulty, body,
       count(*) OVER () AS total
FROM bank_questions
WHERE superseded_at IS NULL
  AND ($3::text IS NULL OR skill = $3)
  AND ($4::int IS NULL OR difficulty = $4)
  AND ($5::text IS NULL OR kind = $5)
  AND ($6::text IS NULL OR search_text ILIKE '%' || $6 || '%')
ORDER BY category, code, tenant_id NULLS FIRST
LIMIT $1 OFFSET $2
