-- Gives back the failure count_signin_attempt counted for account $1 at
-- address $2 when the password was never checked (no hashing slot was free).
UPDATE signin_pairs SET failures = greatest(failures - 1, 0) WHERE address_key = $2 AND account_key = $1
