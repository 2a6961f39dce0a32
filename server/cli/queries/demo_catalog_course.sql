-- A course of the demo marketplace: $1 tenant, $2 title, $3 description, $4
-- instructor, $5 slug, $6 subtitle, $7 category, $8 tags (comma-separated),
-- $9 level, $10 language, $11 prerequisites, $12 price kind, $13 price in
-- minor units, $14 currency (null when free), $15 billing period
-- (subscriptions), $16 price band, $17 when published (UTC; null for a
-- draft), $18 its status ('published' or 'draft'), $19 when it was made.
INSERT INTO courses (tenant_id, title, description, instructor_id, status, slug, subtitle, category_id, tags, level,
                     language, prerequisites, price_kind, price_minor, currency, billing_period, price_band,
                     published_at, created_at)
VALUES ($1, $2, $3, $4, $18, $5, $6, $7, coalesce(string_to_array(nullif($8, ''), ','), '{}'), $9, $10, $11, $12, $13,
        $14::text, $15::text, $16, $17::timestamptz, $19::timestamptz)
RETURNING id
