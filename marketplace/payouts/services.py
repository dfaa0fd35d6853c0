"""The payout ledger and batches. A sale credits the artisan what the line is worth to it: in MAD, its own
price (OrderLine.artisan_total_mad: in export markets the MAD price the export price was derived from, the
rule's margin staying with the platform); commission = the artisan's commission_rate × that gross."""

from __future__ import annotations

import csv
import io
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q, Sum
from django.utils import timezone

from marketplace.core.errors import FieldError, MutationError, PermissionDenied
from marketplace.core.permissions import (
    has_staff_permission,
    member_artisan_ids,
    require_authenticated,
    require_staff_permission,
)
from marketplace.orders.models import Fulfillment, Order
from marketplace.payouts.models import LedgerEntry, PayoutBatch

CENT = Decimal("0.01")
PAYABLE_STAGES = [Fulfillment.Stage.SHIPPED, Fulfillment.Stage.DELIVERED]


def _split(gross: Decimal, rate: Decimal) -> tuple[Decimal, Decimal]:
    commission = (gross * rate).quantize(CENT, rounding=ROUND_HALF_UP)
    return commission, gross - commission


def line_worth(line: Any) -> tuple[Decimal, str]:
    """(gross, currency) a sale of this line credits the artisan; lines of older orders, their own price."""
    if line.artisan_total_mad is not None:
        return line.artisan_total_mad, "MAD"
    return line.total_price_gross, line.currency


def record_sales(order: Order, *, commission_rate: Decimal | None = None) -> int:
    """One SALE entry per line of a paid order (idempotent by reference), at the artisan's commission rate
    unless the sale's source sets its own: the caller's (a fair's, which may be 0), else the market's (a trade
    channel's rate)."""
    if commission_rate is None:
        commission_rate = order.channel.commission_rate
    entries = []
    for line in order.lines.select_related("artisan"):
        rate = line.artisan.commission_rate if commission_rate is None else commission_rate
        gross, currency = line_worth(line)
        commission, net = _split(gross, rate)
        entries.append(LedgerEntry(artisan=line.artisan, order_line=line, kind=LedgerEntry.Kind.SALE,
                                   currency=currency, gross=gross, commission_rate=rate,
                                   commission=commission, net=net, reference=f"sale:{line.pk}"))
    created = LedgerEntry.objects.bulk_create(entries, ignore_conflicts=True)
    return len(created)


def record_refund(order: Order, amount: Decimal, *, reference: str) -> None:
    """Reverse the artisans' shares in proportion to each line's part of the goods (shipping refunds first
    reduce nothing owed to artisans only beyond the goods' total)."""
    goods = order.subtotal_gross
    if goods <= 0:
        return
    share = min(Decimal(1), Decimal(amount) / goods)
    entries = []
    for line in order.lines.select_related("artisan"):
        sale = line.ledger_entries.filter(kind=LedgerEntry.Kind.SALE).first()
        if sale is None:
            continue
        gross = (sale.gross * share).quantize(CENT, rounding=ROUND_HALF_UP)
        commission, net = _split(gross, sale.commission_rate)
        entries.append(LedgerEntry(artisan=line.artisan, order_line=line, kind=LedgerEntry.Kind.REFUND,
                                   currency=sale.currency, gross=-gross, commission_rate=sale.commission_rate,
                                   commission=-commission, net=-net, reference=f"{reference}:line:{line.pk}"))
    try:
        with transaction.atomic():
            LedgerEntry.objects.bulk_create(entries)
    except IntegrityError:
        pass  # this refund was recorded already


def balances(artisan_id: int) -> list[dict[str, Any]]:
    """Per currency: owed (unpaid entries), in an open batch, paid."""
    rows = (LedgerEntry.objects.filter(artisan_id=artisan_id).values("currency")
            .annotate(unbatched=Sum("net", filter=Q(batch__isnull=True)),
                      pending=Sum("net", filter=Q(batch__status=PayoutBatch.Status.OPEN)),
                      paid=Sum("net", filter=Q(batch__status=PayoutBatch.Status.PAID)),
                      gross=Sum("gross"), commission=Sum("commission")).order_by("currency"))
    zero = Decimal("0")
    return [{"currency": r["currency"], "owed": (r["unbatched"] or zero) + (r["pending"] or zero),
             "in_batch": r["pending"] or zero, "paid": r["paid"] or zero, "gross": r["gross"] or zero,
             "commission": r["commission"] or zero} for r in rows]


def _require_staff(user: Any) -> None:
    require_staff_permission(user, "manage_payouts")


def require_money_access(user: Any, artisan_id: int) -> None:
    """An artisan's money (balance, statements): its members and the back office holding MANAGE_PAYOUTS.
    The ministry's curators hold no money permission (they see programme totals, not an artisan's account)."""
    require_authenticated(user)
    if artisan_id in member_artisan_ids(user) or has_staff_permission(user, "manage_payouts"):
        return
    raise PermissionDenied("You can only see your own artisan's payouts; the back office needs MANAGE_PAYOUTS.")


def create_batch(currency: str, user: Any) -> PayoutBatch:
    """Group what is owed for shipped lines into a batch (artisans whose total is positive)."""
    _require_staff(user)
    return _create_batch(currency, user)


def create_scheduled_batches() -> list[PayoutBatch]:
    """Celery beat's periodic run: one batch per currency in which something is owed (none otherwise)."""
    currencies = (LedgerEntry.objects.filter(batch__isnull=True, order_line__fulfillment__stage__in=PAYABLE_STAGES)
                  .values_list("currency", flat=True).distinct())
    batches = []
    for currency in sorted(set(currencies)):
        try:
            batches.append(_create_batch(currency, None))
        except MutationError:  # refunds brought every artisan's total to zero or below
            continue
    return batches


@transaction.atomic
def _create_batch(currency: str, user: Any) -> PayoutBatch:
    locked = list(LedgerEntry.objects.select_for_update(of=("self",)).filter(
        currency=currency, batch__isnull=True, order_line__fulfillment__stage__in=PAYABLE_STAGES)
        .values_list("pk", flat=True))
    payable = LedgerEntry.objects.filter(pk__in=locked)
    totals = {r["artisan_id"]: r["net"] for r in payable.values("artisan_id").annotate(net=Sum("net"))}
    artisans = [a for a, net in totals.items() if net > 0]
    if not artisans:
        raise MutationError([FieldError("currency", f"Nothing is owed in {currency} for shipped lines.", "INVALID")])
    batch = PayoutBatch.objects.create(currency=currency, created_by=user)
    payable.filter(artisan_id__in=artisans).update(batch=batch)
    return batch


@transaction.atomic
def mark_batch_paid(batch: PayoutBatch, user: Any, reference: str = "") -> PayoutBatch:
    _require_staff(user)
    # The row lock makes a double submission (two tabs, a retried request) record one payment: the later
    # one sees PAID and is refused instead of overwriting the first one's reference.
    batch = PayoutBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status == PayoutBatch.Status.PAID:
        raise MutationError([FieldError("id", "This batch is already paid.", "INVALID")])
    batch.status, batch.paid_at, batch.reference = PayoutBatch.Status.PAID, timezone.now(), reference
    batch.save(update_fields=["status", "paid_at", "reference"])
    return batch


def batch_totals(batch: PayoutBatch) -> list[dict[str, Any]]:
    rows = (batch.entries.values("artisan_id", "artisan__name", "artisan__slug", "artisan__private_metadata")
            .annotate(net=Sum("net"), gross=Sum("gross"), commission=Sum("commission")).order_by("artisan__name"))
    return list(rows)


def transfer_csv(batch: PayoutBatch, user: Any) -> str:
    """The bank-transfer file: one transfer per artisan."""
    _require_staff(user)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["beneficiary", "artisan_slug", "rib", "amount", "currency", "reference"])
    for row in batch_totals(batch):
        rib = (row["artisan__private_metadata"] or {}).get("rib", "")
        writer.writerow([row["artisan__name"], row["artisan__slug"], rib, f"{row['net']:.2f}", batch.currency,
                         f"MAALEM-PAYOUT-{batch.pk}-{row['artisan_id']}"])
    return out.getvalue()


def statement_entries(batch: PayoutBatch, artisan_id: int, user: Any) -> list[LedgerEntry]:
    require_money_access(user, artisan_id)
    return list(batch.entries.filter(artisan_id=artisan_id).select_related("order_line__order", "artisan"))
