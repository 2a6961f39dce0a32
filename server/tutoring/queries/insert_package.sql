-- A package of tenant $1: $2 is {"student_id", "family_id", "minutes",
-- "price_minor", "currency", "purchased_on", "expires_on" (null: never),
-- "created_by"}. Answers its id; the invoice that sells it names it.
INSERT INTO hour_packages (tenant_id, student_id, family_id, minutes, price_minor, currency, purchased_on, expires_on,
                           created_by)
SELECT $1, p.student_id, p.family_id, p.minutes, p.price_minor, p.currency, p.purchased_on, p.expires_on, p.created_by
FROM jsonb_to_record($2::jsonb)
     AS p (student_id bigint, family_id bigint, minutes integer, price_minor bigint, currency text, purchased_on date,
           expires_on date, created_by bigint)
RETURNING id
