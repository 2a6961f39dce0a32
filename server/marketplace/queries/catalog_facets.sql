-- variants: with words and without ({{words}}, see _catalog_matched).
-- The counts beside each filter of a catalog search ($1-$7 of
-- _catalog_matched): for each facet, the courses the other filters leave,
-- by value (categories by id, leaves only: the handler adds them up the
-- tree; ratings as "at least" thresholds in tenths of a star).
WITH matched AS ({{> marketplace/_catalog_matched}})
SELECT 'category' AS facet, category_id::text AS value, count(*) AS courses
FROM matched WHERE in_level AND in_language AND in_price AND in_rating AND category_id IS NOT NULL GROUP BY category_id
UNION ALL
SELECT 'level', level, count(*) FROM matched WHERE in_category AND in_language AND in_price AND in_rating AND level IS NOT NULL
GROUP BY level
UNION ALL
SELECT 'language', language, count(*) FROM matched WHERE in_category AND in_level AND in_price AND in_rating GROUP BY language
UNION ALL
SELECT 'price', price_band, count(*) FROM matched WHERE in_category AND in_level AND in_language AND in_rating GROUP BY price_band
UNION ALL
SELECT 'rating', threshold::text, count(*)
FROM matched, unnest(ARRAY[45, 40, 35, 30]) AS threshold
WHERE in_category AND in_level AND in_language AND in_price AND rating_tenths >= threshold
GROUP BY threshold
