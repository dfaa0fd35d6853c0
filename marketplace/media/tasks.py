from __future__ import annotations

# The project's Celery app (configured from settings: eager, in-process, without REDIS_URL); a bare
# shared_task would bind to Celery's default app and try a broker on localhost.
from marketplace.celery import app


@app.task(name="media.process_product_media", acks_late=True)
def process_product_media_task(media_id: int) -> None:
    from marketplace.media.services import process_media

    process_media(media_id)
