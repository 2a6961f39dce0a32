-- A new coupon of tenant $1: code $2, kind $3, percent $4 or amount $5 off
-- in currency $6, last day $7 (YYYY-MM-DD; NULL: never) ending at the
-- midnight after it in zone $8, usage limit $9, made by user $10, for courses
-- $11 (an id array; empty for every course). No row when the code is taken.
WITH made AS (
    INSERT INTO coupons (tenant_id, code, kind, percent, amount_off_minor, currency, expires_on, expires_at,
                         usage_limit, created_by)
    VALUES ($1, $2, $3, $4, $5, $6, $7::date, ($7::date + 1)::timestamp AT TIME ZONE $8, $9, $10)
    ON CONFLICT (tenant_id, code) DO NOTHING
    RETURNING id
), chosen AS (
    INSERT INTO coupon_courses (tenant_id, coupon_id, course_id)
    SELECT $1, made.id, course FROM made, unnest($11::bigint[]) AS course
)
SELECT id FROM made
