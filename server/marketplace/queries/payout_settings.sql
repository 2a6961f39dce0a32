-- The marketplace's payout terms (for reading).
SELECT payout_threshold_minor, payout_hold_days, currency FROM marketplace_settings
