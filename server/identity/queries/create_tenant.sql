-- A new tenant: slug $1, name $2, kind $3, time zone $4, self-registration
-- policy $5 ('open', 'students_only', 'nobody'); answers its id.
INSERT INTO tenants (slug, name, kind, time_zone, signup_policy) VALUES ($1, $2, $3, $4, $5)
RETURNING id
