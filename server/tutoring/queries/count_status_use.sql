-- How many sessions are logged with attendance status $1.
SELECT count(*) AS used FROM session_occurrences WHERE attendance = $1
