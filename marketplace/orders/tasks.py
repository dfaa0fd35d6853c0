from __future__ import annotations

from marketplace.celery import app  # the configured app: eager (in-process) without REDIS_URL


@app.task(name="orders.send_order_confirmation")
def send_order_confirmation_task(order_id: int) -> None:
    from marketplace.orders import emails
    from marketplace.orders.models import Order

    emails.send_confirmation(Order.objects.get(pk=order_id))


@app.task(name="orders.send_order_shipped")
def send_order_shipped_task(order_id: int, artisan_name: str, tracking: str, in_person: bool = False) -> None:
    from marketplace.orders import emails
    from marketplace.orders.models import Order

    emails.send_shipped(Order.objects.get(pk=order_id), artisan_name, tracking, in_person=in_person)
