from __future__ import annotations

from celery import shared_task


@shared_task(name="media.process_product_media", acks_late=True)
def process_product_media_task(media_id: int) -> None:
    from marketplace.media.services import process_media

    process_media(media_id)
