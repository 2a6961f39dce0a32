-- Whether address $1 is another course's than $2 (0 for a new course); the
-- tenant's deleted courses keep theirs.
SELECT EXISTS (SELECT 1 FROM courses WHERE slug = $1 AND id <> $2) AS taken
