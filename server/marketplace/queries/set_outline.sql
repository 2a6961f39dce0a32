-- Course $1's order: modules $2 (ids, in order), and lessons $3 (ids, in
-- order) each in module $4 (the same index). Positions follow the order.
WITH modules AS (
    UPDATE course_modules m SET position = o.ord - 1
    FROM unnest($2::bigint[]) WITH ORDINALITY AS o(id, ord)
    WHERE m.id = o.id AND m.course_id = $1
)
UPDATE course_lessons l SET module_id = o.module_id, position = o.ord - 1
FROM unnest($3::bigint[], $4::bigint[]) WITH ORDINALITY AS o(id, module_id, ord)
WHERE l.id = o.id AND l.course_id = $1
