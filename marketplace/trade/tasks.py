"""Trade e-mails as background tasks (eager, in-process, without REDIS_URL)."""

from __future__ import annotations

from marketplace.celery import app


@app.task(name="trade.send_account_decision")
def send_account_decision_task(account_id: int) -> None:
    from marketplace.trade import emails
    from marketplace.trade.models import TradeAccount

    emails.send_account_decision(TradeAccount.objects.select_related("user").get(pk=account_id))


@app.task(name="trade.send_quote_event")
def send_quote_event_task(quote_id: int, event: str, order_number: int | None = None) -> None:
    from marketplace.trade import emails
    from marketplace.trade.models import TradeQuote

    quote = TradeQuote.objects.select_related("account__user", "artisan").get(pk=quote_id)
    if event == "requested":
        emails.send_quote_requested(quote)
    elif event == "answered":
        emails.send_quote_answered(quote)
    elif event == "accepted":
        emails.send_quote_accepted(quote, order_number or 0)


@app.task(name="trade.send_order_placed")
def send_order_placed_task(trade_order_id: int) -> None:
    from marketplace.trade import emails
    from marketplace.trade.models import TradeOrder

    emails.send_order_placed(TradeOrder.objects.select_related("order", "account__user").get(pk=trade_order_id))
