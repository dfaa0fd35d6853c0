from __future__ import annotations

from marketplace.celery import app  # the configured app: eager (in-process) without REDIS_URL


@app.task(name="checkout.delete_expired_reservations")
def delete_expired_reservations_task() -> int:
    """Housekeeping only: expired reservations are already ignored by every availability check."""
    from marketplace.inventory.services import delete_expired_reservations

    return delete_expired_reservations()
