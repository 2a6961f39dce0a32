-- The assignment visibility rule is now written into the queries that need it
-- (server/handlers_tracker.cpp, assignment_visible_sql) so that PostgreSQL
-- plans the class-membership lookups once per query instead of calling a
-- function for every row. The function is no longer used.
DROP FUNCTION assignment_visible(bigint, bigint, text, bigint);
