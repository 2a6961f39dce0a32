-- The month now on the clock of zone $1: "YYYY-MM".
SELECT to_char(now() AT TIME ZONE $1, 'YYYY-MM') AS month
