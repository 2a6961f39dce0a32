-- Tenant $1's payout terms.
SELECT payout_threshold_minor, payout_hold_days FROM marketplace_settings WHERE tenant_id = $1
