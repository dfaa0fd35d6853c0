from __future__ import annotations

from marketplace.celery import app  # the configured app: eager (in-process) without REDIS_URL


@app.task(name="checkout.delete_expired_reservations")
def delete_expired_reservations_task() -> int:
    """Housekeeping only: expired reservations are already ignored by every availability check."""
    from django.utils import timezone

    from marketplace.inventory.models import Reservation

    deleted, _ = Reservation.objects.filter(reserved_until__lte=timezone.now()).delete()
    return deleted
