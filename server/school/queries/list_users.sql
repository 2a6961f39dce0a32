-- One page of the school's users by name ($1 limit, $2 offset), optionally of
-- one role ($3), within the caller's reach for user.list ($4 scope, $5 user):
-- 'tenant' everyone, deactivated included; 'class' the active students of the
-- live classes the caller teaches (access/student_in_reach's rule); any other
-- scope (an account waiting for approval) nobody.
SELECT {{> school/_user_columns}},
       count(*) OVER () AS total
FROM users u
WHERE ($3::text IS NULL OR u.role = $3)
  AND CASE $4::text
      WHEN 'tenant' THEN true
      WHEN 'class' THEN u.role = 'student' AND u.deleted_at IS NULL
           AND EXISTS (SELECT 1 FROM class_members m JOIN classes c ON c.id = m.class_id
                       WHERE m.student_id = u.id AND c.teacher_id = $5::bigint AND c.deleted_at IS NULL)
      ELSE false END
ORDER BY u.name, u.id
LIMIT $1 OFFSET $2
