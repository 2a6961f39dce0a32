-- The marketplace's settings; none for a tenant that is not a marketplace.
SELECT currency, platform_fee_bp, processing_bp, processing_fixed_minor, show_ratings, show_enrollments
FROM marketplace_settings
