"""The artisan space (/atelier/): artisans list their pieces from phone photos, keep their stock, ship
their orders and follow their payouts, all through the API's GraphQL management operations."""
