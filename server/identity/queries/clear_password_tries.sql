-- The password was changed: its count of wrong tries is forgotten.
DELETE FROM login_throttle WHERE key = $1
