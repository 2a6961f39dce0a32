-- Course $1's catalog face and price, as make_course's $3 to $16.
UPDATE courses
SET title = $2, slug = $3, subtitle = $4, description = $5, category_id = $6, level = $7, language = $8,
    tags = ARRAY(SELECT jsonb_array_elements_text($9::jsonb)), prerequisites = $10, price_kind = $11,
    price_minor = $12, currency = $13, billing_period = $14, price_band = $15
WHERE id = $1
