"""What a buyer reads about an order besides its snapshot: names in the buyer's language, when it should
arrive, how to pay a bank transfer and by when, and where each parcel is.

Names are read from the catalog's translations at reading time (the order keeps the French snapshot for the
back office); a deleted product falls back to the snapshot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from urllib.parse import quote

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.utils import timezone

from marketplace.catalog.models import AssignedVariantAttributeValue
from marketplace.core.prepared import INT_ARG, INTS_ARG, PreparedQuery
from marketplace.orders.models import Order, OrderLine

BASE_LANGUAGE = "fr"


def translated_product_name(line: OrderLine, language: str) -> str:
    if language == BASE_LANGUAGE or line.variant_id is None:
        return line.product_name
    from marketplace.catalog.models import ProductTranslation

    translated = ProductTranslation.objects.filter(product__variants__pk=line.variant_id,
                                                   language_code=language).values_list("name", flat=True).first()
    return translated or line.product_name


def translated_variant_name(line: OrderLine, language: str) -> str:
    if language == BASE_LANGUAGE or line.variant_id is None:
        return line.variant_name
    from marketplace.catalog.models import ProductVariantTranslation

    translated = ProductVariantTranslation.objects.filter(product_variant_id=line.variant_id,
                                                          language_code=language).values_list("name", flat=True).first()
    return translated or line.variant_name


def shipping_method_name(order: Order, language: str) -> str:
    method = order.shipping_method
    if method is not None and language != BASE_LANGUAGE and method.translations.get(language):
        return method.translations[language]
    return order.shipping_method_name or order.collection_point_name


@dataclass(frozen=True)
class ExpectedDelivery:
    earliest: date
    latest: date


def expected_delivery(order: Order) -> ExpectedDelivery | None:
    """The delivery window promised by the method chosen, counted from the order's date."""
    method = order.shipping_method
    if method is None or (method.minimum_delivery_days is None and method.maximum_delivery_days is None):
        return None
    low = method.minimum_delivery_days or method.maximum_delivery_days or 0
    high = method.maximum_delivery_days or low
    start = order.created.date()
    return ExpectedDelivery(start + timedelta(days=low), start + timedelta(days=high))


def payment_deadline(order: Order) -> datetime | None:
    """When an order awaiting a bank transfer is released (None for other orders)."""
    if order.payment_method != Order.Payment.BANK_TRANSFER:
        return None
    return order.created + timedelta(days=settings.BANK_TRANSFER_HOLD_DAYS)


@dataclass(frozen=True)
class BankTransfer:
    account_holder: str
    bank_name: str
    iban: str
    bic: str
    reference: str
    amount: Decimal
    currency: str
    due_date: date


def bank_transfer(order: Order) -> BankTransfer | None:
    """What to transfer, to whom, with which reference and by when (the hold's deadline, orders/holds.py):
    bank-transfer orders not yet paid nor canceled."""
    if order.payment_method != Order.Payment.BANK_TRANSFER or order.total_charged >= order.total_gross or \
            order.status == Order.Status.CANCELED:
        return None
    return BankTransfer(settings.BANK_ACCOUNT_HOLDER, settings.BANK_NAME, settings.BANK_IBAN, settings.BANK_BIC,
                        f"MAALEM-{order.number}", order.total_gross - order.total_charged, order.currency,
                        timezone.localdate(payment_deadline(order)))


def tracking_url(tracking_number: str) -> str | None:
    """A page that follows the parcel: Barid Al-Maghrib (Amana) for Moroccan postal numbers, a universal
    tracker for the others."""
    number = (tracking_number or "").strip().replace(" ", "")
    if not number:
        return None
    if len(number) == 13 and number[:2].isalpha() and number[-2:].upper() == "MA":
        return f"https://bam-tracking.barid.ma/Tracking/Search?trackingCode={quote(number)}"
    return f"https://t.17track.net/en#nums={quote(number)}"


# Read for each line of each confirmation (and delivery slip): compiled once (core/prepared.py).
_VARIANT_VALUES = PreparedQuery(AssignedVariantAttributeValue, lambda ids: AssignedVariantAttributeValue.objects
                                .filter(variant_id__in=ids).select_related("value__attribute"), INTS_ARG)
_ORDER_FOR_CONFIRMATION = PreparedQuery(Order, lambda pk: Order.objects.select_related(
    "shipping_address", "shipping_method", "collection_point__address").filter(pk=pk).order_by(), INT_ARG)
_ORDER_LINES = PreparedQuery(OrderLine, lambda pk: OrderLine.objects.filter(order_id=pk), INT_ARG)


def order_for_confirmation(order_id: int) -> Order:
    """The order with what its confirmation reads (addresses, the method's delivery window, the lines)."""
    found = _ORDER_FOR_CONFIRMATION(order_id)  # by primary key: one row or none
    if not found:
        raise Order.DoesNotExist("Order matching query does not exist.")
    order = found[0]
    lines = _ORDER_LINES(order.pk)
    for line in lines:
        line.order = order
    # As prefetch_related("lines") leaves it: order.lines.all() answers from these rows.
    queryset = order.lines.all()
    queryset._result_cache, queryset._prefetch_done = lines, True
    order._prefetched_objects_cache = {Order.lines.field.remote_field.cache_name: queryset}
    return order


def variant_choice(line: OrderLine, language: str) -> str:
    """"Pointure : 39" / "Shoe size: EU 39": the variant's attributes in `language`, "" for a single variant."""
    return variant_choices([line], language).get(line.variant_id, "")


def variant_choices(lines: list[OrderLine], language: str) -> dict[int, str]:
    """variant_choice of each line's variant (by variant id), in one query whatever the number of lines (and the
    translations' two)."""
    variant_ids = sorted({line.variant_id for line in lines if line.variant_id is not None})
    assigned = _VARIANT_VALUES(variant_ids)
    if assigned:
        prefetch_related_objects(assigned, "value__translations", "value__attribute__translations")
    parts: dict[int, list[str]] = {variant_id: [] for variant_id in variant_ids}
    for item in assigned:  # in (sort_order, pk) order, as each variant's own query
        value, attribute = item.value, item.value.attribute
        name = next((t.name for t in attribute.translations.all() if t.language_code == language and t.name),
                    attribute.name)
        shown = next((t.name for t in value.translations.all() if t.language_code == language and t.name), value.name)
        parts[item.variant_id].append(f"{name} : {shown}" if language == BASE_LANGUAGE else f"{name}: {shown}")
    return {variant_id: ", ".join(texts) for variant_id, texts in parts.items()}
