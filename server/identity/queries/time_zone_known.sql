-- Whether PostgreSQL knows $1 as an IANA time zone name.
SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = $1) AS known
