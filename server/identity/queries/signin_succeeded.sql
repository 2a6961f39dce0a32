-- Account $1 signed in from address $2: its failures there are forgotten, its
-- backoff ends, and the address counts it among the accounts that sign in
-- there (which raises the address's limit).
INSERT INTO signin_pairs (address_key, account_key, last_success_at) VALUES ($2, $1, now())
ON CONFLICT (address_key, account_key) DO UPDATE SET failures = 0, blocked_until = NULL, last_success_at = now()
