from __future__ import annotations

from marketplace.celery import app  # the configured app: eager (in-process) without REDIS_URL


@app.task(name="orders.send_order_confirmation")
def send_order_confirmation_task(order_id: int) -> None:
    from marketplace.orders import emails, selectors

    # What the confirmation reads (addresses, the method's delivery window, the lines) in two queries.
    emails.send_confirmation(selectors.order_for_confirmation(order_id))


@app.task(name="orders.send_order_shipped")
def send_order_shipped_task(order_id: int, artisan_name: str, tracking: str, in_person: bool = False) -> None:
    from marketplace.orders import emails
    from marketplace.orders.models import Order

    emails.send_shipped(Order.objects.get(pk=order_id), artisan_name, tracking, in_person=in_person)


@app.task(name="orders.send_order_released")
def send_order_released_task(order_id: int) -> None:
    from marketplace.orders import emails
    from marketplace.orders.models import Order

    emails.send_released(Order.objects.get(pk=order_id))


@app.task(name="orders.release_unpaid_bank_transfers")
def release_unpaid_bank_transfers_task() -> list[int]:
    """Celery beat: orders whose bank transfer did not come in BANK_TRANSFER_HOLD_DAYS are canceled."""
    from marketplace.orders.holds import release_unpaid_bank_transfers

    return release_unpaid_bank_transfers(send_order_released_task.delay)
