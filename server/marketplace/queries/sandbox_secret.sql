-- The sandbox provider's secret for signing its events.
SELECT webhook_secret FROM sandbox_provider
