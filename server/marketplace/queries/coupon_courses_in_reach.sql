-- How many of courses $1 ("3,7") are live courses of the tenant that a
-- coupon's maker reaches: any ($2 = 'tenant') or user $3's own ('teach').
SELECT count(*) AS found
FROM courses
WHERE id = ANY (string_to_array($1, ',')::bigint[]) AND deleted_at IS NULL
  AND ($2 = 'tenant' OR ($2 = 'teach' AND instructor_id = $3))
