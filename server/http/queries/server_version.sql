-- The database's version, for the health check.
SHOW server_version
