-- An assignment ($2) if the caller (role $3, user $4) may see it, with local
-- times in the zone $1.
-- let zone = $1
-- let role = $3
-- let user = $4
SELECT {{> tracker/_assignment_columns}}
FROM assignments a
JOIN users u ON u.id = a.teacher_id
WHERE a.id = $2 AND a.deleted_at IS NULL
  AND {{> tracker/_assignment_visible}}
