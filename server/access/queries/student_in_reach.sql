-- Whether student $3 is an active student within reach of caller $2 under
-- permission scope $1 ('tenant', 'class', 'linked', 'own'): the tenant's
-- students; the students of the classes (a school's) or live courses (an
-- academy's) the caller teaches; the caller's
-- linked children; the caller themself. Deactivated students are out of
-- everyone's reach, as they are out of every list.
SELECT EXISTS (
    SELECT 1 FROM users s
    WHERE s.id = $3 AND s.role = 'student' AND s.deleted_at IS NULL
      AND CASE $1::text
          WHEN 'tenant' THEN true
          WHEN 'own' THEN s.id = $2::bigint
          WHEN 'linked' THEN EXISTS (SELECT 1 FROM parent_links l WHERE l.parent_id = $2::bigint AND l.student_id = s.id)
          WHEN 'class' THEN EXISTS (SELECT 1 FROM class_members m JOIN classes c ON c.id = m.class_id
                                    WHERE m.student_id = s.id AND c.teacher_id = $2::bigint AND c.deleted_at IS NULL)
                          OR EXISTS (SELECT 1 FROM course_students cs JOIN courses c ON c.id = cs.course_id
                                     WHERE cs.student_id = s.id AND c.instructor_id = $2::bigint AND c.deleted_at IS NULL)
          ELSE false END
) AS in_reach
