"""A verified account's trade cart: lines added from the trade catalogue, changed, removed, or all at once
from an uploaded order form. A line is refused at once, with why, when its piece is not offered in the
account's channel, is not a whole number of packs, or asks more than the stock plus the artisan's
made-to-order capacity; the order checks all of it again under locks (order_services.py)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from marketplace.catalog.models import ProductVariant
from marketplace.core.errors import FieldError, MutationError
from marketplace.trade.access import require_verified_buyer
from marketplace.trade.models import TradeAccount, TradeCart, TradeCartLine
from marketplace.trade.selectors import VariantOffer, variant_offers

MAX_QUANTITY = 100_000


def cart_for(account: TradeAccount, *, lock: bool = False) -> TradeCart:
    cart, _ = TradeCart.objects.get_or_create(account=account)
    if lock:
        cart = TradeCart.objects.select_for_update().get(pk=cart.pk)
    cart.account = account
    return cart


def line_error(field: str, name: str, quantity: int, offer: VariantOffer) -> FieldError | None:
    """Why this quantity of this piece cannot be ordered, or None."""
    if offer.wholesale is None:
        return FieldError(field, f"{name} is not offered to trade buyers in this market.", "UNAVAILABLE")
    if quantity % max(1, offer.pack_size):
        return FieldError(field, f"{name} is sold in packs of {offer.pack_size}: order a multiple of "
                          f"{offer.pack_size}.", "PACK_SIZE", extra={"pack": offer.pack_size})
    if quantity > offer.orderable:
        beyond = (f" and {offer.capacity_left} more made to order in {offer.lead_time_weeks} weeks"
                  if offer.capacity_left else "")
        return FieldError(field, f"{name}: at most {offer.orderable} ({offer.in_stock} in stock{beyond}).",
                          "BEYOND_CAPACITY", extra={"max": offer.orderable, "stock": offer.in_stock,
                                                    "more": offer.capacity_left, "weeks": offer.lead_time_weeks})
    return None


def _variants(ids: list[int]) -> dict[int, ProductVariant]:
    return {v.pk: v for v in ProductVariant.objects.filter(pk__in=ids).select_related("product")}


@transaction.atomic
def set_lines(user: Any, lines: list[dict[str, Any]], *, add: bool = False, replace: bool = False) -> TradeCart:
    """`lines`: [{variant_id, quantity}]. Sets each line's quantity (0 removes it), adds to it (`add`), or
    makes the cart exactly these lines (`replace`). All lines are checked; one error per bad line."""
    account = require_verified_buyer(user)
    cart = cart_for(account, lock=True)
    existing = {line.variant_id: line for line in cart.lines.all()}
    ids = [item["variant_id"] for item in lines]
    if len(set(ids)) != len(ids):
        raise MutationError([FieldError("lines", "A variant is given twice.", "DUPLICATED_INPUT_ITEM")])
    variants = _variants(ids)
    offers = variant_offers(ids, account.channel)
    errors: list[FieldError] = []
    wanted: dict[int, int] = {}
    for index, item in enumerate(lines):
        field = f"lines.{index}"
        quantity = item["quantity"]
        variant = variants.get(item["variant_id"])
        if variant is None:
            errors.append(FieldError(field, "Couldn't resolve to a product variant.", "NOT_FOUND"))
            continue
        if add and item["variant_id"] in existing:
            quantity += existing[item["variant_id"]].quantity
        if quantity < 0 or quantity > MAX_QUANTITY or (add and quantity <= 0):
            errors.append(FieldError(field, f"A quantity from 1 to {MAX_QUANTITY} is expected.", "INVALID"))
            continue
        if quantity:
            name = variant.product.name + (f" ({variant.name})" if variant.name else "")
            problem = line_error(field, name, quantity, offers[variant.pk])
            if problem:
                errors.append(problem)
                continue
        wanted[variant.pk] = quantity
    if errors:
        raise MutationError(errors)
    if replace:
        cart.lines.exclude(variant_id__in=[vid for vid, q in wanted.items() if q]).delete()
    for variant_id, quantity in wanted.items():
        if not quantity:
            TradeCartLine.objects.filter(cart=cart, variant_id=variant_id).delete()
        else:
            TradeCartLine.objects.update_or_create(cart=cart, variant_id=variant_id, defaults={"quantity": quantity})
    cart.save(update_fields=["updated_at"])
    return cart


@transaction.atomic
def delete_lines(user: Any, variant_ids: list[int]) -> TradeCart:
    account = require_verified_buyer(user)
    cart = cart_for(account, lock=True)
    cart.lines.filter(variant_id__in=variant_ids).delete()
    cart.save(update_fields=["updated_at"])
    return cart
