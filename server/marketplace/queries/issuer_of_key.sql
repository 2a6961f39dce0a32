-- Whose signing key public key $1 (hex) is: no row for a key never held here.
SELECT issuer_name, retired_at IS NOT NULL AS retired FROM issuer_of_key($1)
