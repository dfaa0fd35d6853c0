"""Trade e-mails, each in its reader's language: the buyer's (the account user's language), each artisan
member's own. Sent by tasks (Celery, in-process without Redis) once the transaction commits."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import send_mail

from marketplace.trade import texts
from marketplace.trade.models import ProductionOrder, TradeAccount, TradeOrder, TradeQuote


def _send(template: str, language: str, recipients: list[str], **values: Any) -> None:
    subject, body = texts.EMAILS[template].get(language) or texts.EMAILS[template]["en"]
    send_mail(subject.format(**values), body.format(**values), settings.DEFAULT_FROM_EMAIL, recipients)


def _language(user: Any) -> str:
    return user.language_code if user.language_code in texts.LANGUAGES else "en"


def _note(note: str, language: str) -> str:
    return texts.pick(texts.NOTE, language).format(note=note) if note else ""


def _members(artisan_id: int) -> list[Any]:
    from marketplace.artisans.models import ArtisanMember

    return [m.user for m in ArtisanMember.objects.filter(artisan_id=artisan_id).select_related("user")]


def _storefront(path: str) -> str:
    # The storefront's origin: the first browser origin allowed to call the API (README: CORS_ALLOWED_ORIGINS).
    base = (settings.CORS_ALLOWED_ORIGINS or ["http://127.0.0.1:8001"])[0].rstrip("/")
    return f"{base}{path}"


def send_account_decision(account: TradeAccount) -> None:
    user = account.user
    language = _language(user)
    url = _storefront(f"/{language}/trade/")
    if account.status == TradeAccount.Status.VERIFIED:
        _send("verified", language, [user.email], company=account.company_name, url=url)
    elif account.status == TradeAccount.Status.REJECTED:
        _send("rejected", language, [user.email], company=account.company_name,
              reason=texts.reason_text(account.rejection_reason, language),
              note=_note(account.rejection_note, language), url=url)


def send_quote_requested(quote: TradeQuote) -> None:
    for member in _members(quote.artisan_id):
        language = _language(member)
        _send("quote_requested", language, [member.email], company=quote.account.company_name,
              country=quote.account.country, quantity=quote.quantity, product=quote.product_name,
              kind=texts.pick(texts.QUOTE_KINDS[quote.kind], language), note=_note(quote.request_note, language),
              url=_storefront(f"/{language}/atelier/trade/quotes/"))


def send_quote_answered(quote: TradeQuote) -> None:
    user = quote.account.user
    language = _language(user)
    url = _storefront(f"/{language}/trade/quotes/")
    values = {"artisan": quote.artisan.name, "quantity": quote.quantity, "product": quote.product_name,
              "note": _note(quote.answer_note, language), "url": url}
    if quote.status == TradeQuote.Status.OFFERED:
        _send("quote_offered", language, [user.email], price=f"{quote.unit_price:.2f}", currency=quote.currency,
              weeks=quote.lead_time_weeks, **values)
    else:
        _send("quote_declined", language, [user.email], **values)


def send_quote_accepted(quote: TradeQuote, number: int) -> None:
    for member in _members(quote.artisan_id):
        language = _language(member)
        _send("quote_accepted", language, [member.email], company=quote.account.company_name,
              quantity=quote.quantity, product=quote.product_name, price=f"{quote.unit_price:.2f}",
              currency=quote.currency, number=number, url=_storefront(f"/{language}/atelier/orders/"))


def send_order_placed(trade: TradeOrder) -> None:
    """To the buyer (terms and the proforma) and to each artisan's members (their part, what to make)."""
    order = trade.order
    user = trade.account.user
    language = _language(user)
    terms = texts.pick(texts.TERMS[trade.payment_terms], language).format(
        share=int(trade.deposit_share * 100), deposit=f"{trade.deposit_amount:.2f}",
        balance=f"{trade.balance_amount:.2f}", currency=order.currency)
    _send("order_placed", language, [user.email], number=order.number, total=f"{order.total_gross:.2f}",
          currency=order.currency, terms=terms, proforma=f"{settings.PUBLIC_API_URL}/orders/{order.token}/proforma.pdf")
    lines_by_artisan: dict[int, list[Any]] = {}
    for line in order.lines.select_related("artisan"):
        lines_by_artisan.setdefault(line.artisan_id, []).append(line)
    production = {p.order_line_id: p for p in ProductionOrder.objects.filter(order_line__order=order)}
    for artisan_id, lines in lines_by_artisan.items():
        for member in _members(artisan_id):
            language = _language(member)
            made = [texts.pick(texts.PRODUCTION_ITEM, language).format(
                quantity=production[line.pk].quantity, product=line.product_name,
                weeks=production[line.pk].lead_time_weeks) for line in lines if line.pk in production]
            _send("order_placed_artisan", language, [member.email], number=order.number, artisan=lines[0].artisan.name,
                  company=trade.account.company_name, country=trade.account.country,
                  lines=", ".join(f"{line.quantity} × {line.product_name}" for line in lines),
                  production=texts.pick(texts.PRODUCTION, language).format(items=", ".join(made)) if made else "",
                  url=_storefront(f"/{language}/atelier/orders/"))
