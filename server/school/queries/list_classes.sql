-- One page of live classes by name ($1 limit, $2 offset) with their teacher
-- and size, within the caller's reach for class.read ($3 scope, $4 user):
-- 'tenant' every class; 'class' the classes the caller teaches or is a
-- member of; 'linked' the classes of the caller's linked children.
SELECT c.id, c.name, c.teacher_id, t.name AS teacher_name,
       (SELECT count(*) FROM class_members m WHERE m.class_id = c.id) AS member_count,
       count(*) OVER () AS total
FROM classes c
JOIN users t ON t.id = c.teacher_id
WHERE c.deleted_at IS NULL
  AND CASE $3::text
      WHEN 'tenant' THEN true
      WHEN 'class' THEN c.teacher_id = $4::bigint
           OR EXISTS (SELECT 1 FROM class_members m WHERE m.class_id = c.id AND m.student_id = $4::bigint)
      WHEN 'linked' THEN EXISTS (SELECT 1 FROM class_members m JOIN parent_links l ON l.student_id = m.student_id
                                 WHERE m.class_id = c.id AND l.parent_id = $4::bigint)
      ELSE false END
ORDER BY c.name, c.id
LIMIT $1 OFFSET $2
