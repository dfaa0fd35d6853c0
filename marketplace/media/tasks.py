from __future__ import annotations

# The project's Celery app (configured from settings: eager, in-process, without REDIS_URL); a bare
# shared_task would bind to Celery's default app and try a broker on localhost.
from marketplace.celery import app


@app.task(name="media.process_product_media", acks_late=True)  # media.services.PROCESS_MEDIA_TASK
def process_product_media_task(media_id: int) -> None:
    from marketplace.media.models import ProductMedia
    from marketplace.media.services import process_media
    from marketplace.photography import PIPELINE_VERSION

    # acks_late: a task whose worker died is delivered again, possibly after `reprocess_media` already
    # finished the photo; a photo processed by the current pipeline is not processed twice.
    if ProductMedia.objects.filter(pk=media_id, status=ProductMedia.Status.READY,
                                   pipeline_version=PIPELINE_VERSION).exists():
        return
    process_media(media_id)
