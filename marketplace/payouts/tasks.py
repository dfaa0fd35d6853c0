"""Periodic payout batches (Celery beat: settings.CELERY_BEAT_SCHEDULE)."""

from __future__ import annotations

from marketplace.celery import app


@app.task(name="payouts.create_scheduled_batches")
def create_scheduled_batches_task() -> list[int]:
    from marketplace.payouts.services import create_scheduled_batches

    return [batch.pk for batch in create_scheduled_batches()]
