-- Tables in the public schema: a restore goes only into an empty database.
SELECT count(*) AS tables FROM pg_tables WHERE schemaname = 'public'
