-- The marketplace's payout terms, locked: one payout run at a time.
SELECT payout_threshold_minor, payout_hold_days, currency FROM marketplace_settings FOR UPDATE
