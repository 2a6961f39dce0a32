-- Of courses $1 (an id array): how many are live courses of the tenant that a
-- coupon's maker reaches (any for $2 = 'tenant', user $3's own for 'teach'),
-- and how many of those are not priced in currency $4 (NULL: any currency,
-- for a percentage off).
SELECT count(*) AS found,
       count(*) FILTER (WHERE $4::text IS NOT NULL AND currency IS DISTINCT FROM $4::text) AS other_currency
FROM courses
WHERE id = ANY ($1::bigint[]) AND deleted_at IS NULL
  AND ($2 = 'tenant' OR ($2 = 'teach' AND instructor_id = $3))
