-- Gives back the failure counted for known device $1 (its password was never
-- checked: no hashing slot was free).
UPDATE signin_devices SET failures = greatest(failures - 1, 0) WHERE id = $1
