-- A new tenant: slug $1, name $2, kind $3, time zone $4; answers its id.
INSERT INTO tenants (slug, name, kind, time_zone) VALUES ($1, $2, $3, $4)
RETURNING id
