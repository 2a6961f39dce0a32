-- A new calendar feed for user $2 of tenant $1, kept as its token's SHA-256 in hex ($3).
INSERT INTO calendar_feeds (tenant_id, user_id, token_hash) VALUES ($1, $2, decode($3, 'hex')) RETURNING id
