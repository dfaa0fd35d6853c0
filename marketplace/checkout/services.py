"""Checkout writes: lines (with stock reservations), e-mail, addresses, delivery method. A client never
sets a price: prices come from checkout/pricing.py."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import QuerySet

from marketplace.accounts.addresses import address_from_input
from marketplace.catalog.models import ProductVariant
from marketplace.channels.models import Channel
from marketplace.channels.selectors import RESTRICTED_KINDS
from marketplace.checkout.models import Checkout, CheckoutLine
from marketplace.checkout.pricing import LARGE_COLUMNS, forget_info, load_checkout_info
from marketplace.core.errors import FieldError, MutationError, PermissionDenied
from marketplace.core.models import LANGUAGE_CODES
from marketplace.core.permissions import has_staff_permission
from marketplace.core.prepared import INTS_ARG, STR_ARG, UUID_ARG, PreparedQuery
from marketplace.core.ratelimit import enforce
from marketplace.inventory import services as inventory
from marketplace.shipping.models import ShippingMethod

MAX_LINE_QUANTITY = 50


def _checkout_query(token: Any, *, for_update: bool) -> QuerySet:
    queryset = Checkout.objects.select_related("channel", "shipping_address", "billing_address",
                                               "collection_point__address")
    if for_update:
        queryset = queryset.select_for_update(of=("self",))
    return queryset.filter(pk=token).order_by(*Checkout._meta.ordering)[:1]  # as .first()


_CHECKOUT = PreparedQuery(Checkout, lambda token: _checkout_query(token, for_update=False), UUID_ARG)
_CHECKOUT_FOR_UPDATE = PreparedQuery(Checkout, lambda token: _checkout_query(token, for_update=True), UUID_ARG)


def get_checkout(token: Any, *, for_update: bool = False, missing_ok: bool = False) -> Checkout | None:
    """The checkout, locked for the caller's transaction with `for_update` (lock order: the checkout row
    before any stock row, see inventory/services.py). Missing: NOT_FOUND, or None with `missing_ok`."""
    if isinstance(token, uuid.UUID):
        found = (_CHECKOUT_FOR_UPDATE if for_update else _CHECKOUT)(token)
    else:  # another form of the key: the queryset converts (or rejects) it
        found = list(_checkout_query(token, for_update=for_update))
    checkout = found[0] if found else None
    if checkout is None and not missing_ok:
        raise MutationError([FieldError("id", "Couldn't resolve to a node: checkout.", "NOT_FOUND")])
    return checkout


def is_owner(owner_id: int | None, user: Any) -> bool:
    """Saleor's rule for a checkout (and the order it became): one with a buyer is that buyer's, or staff
    who manage orders; one without (a guest's) belongs to whoever holds its ID."""
    if owner_id is None:
        return True
    return bool(user is not None and user.is_authenticated and (
        user.pk == owner_id or has_staff_permission(user, "manage_orders")))


def require_owner(owner_id: int | None, user: Any) -> None:
    if not is_owner(owner_id, user):
        raise PermissionDenied("You do not have permission to perform this action.")


def require_checkout_owner(checkout: Checkout, user: Any) -> None:
    require_owner(checkout.user_id, user)


_CHANNEL = PreparedQuery(Channel, lambda slug: Channel.objects.filter(slug=slug).order_by(
    *(Channel._meta.ordering or ["pk"]))[:1], STR_ARG)  # as .first()


def _channel(slug: str | None) -> Channel:
    if not slug:
        raise MutationError([FieldError("channel", "You need to provide channel slug.", "MISSING_CHANNEL_SLUG")])
    found = _CHANNEL(slug)
    channel = found[0] if found else None
    # Trade channels are bought from through the trade checkout (tradeOrderCreate: minimums, terms), never
    # here; to those who may not see them they do not exist.
    if channel is None or channel.kind in RESTRICTED_KINDS:
        raise MutationError([FieldError("channel", f"Channel with '{slug}' slug does not exist.", "NOT_FOUND")])
    if not channel.is_active:
        raise MutationError([FieldError("channel", f"Channel with '{slug}' is inactive.", "CHANNEL_INACTIVE")])
    return channel


def _clean_email(email: str | None) -> str:
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise MutationError([FieldError("email", "Enter a valid email address.", "INVALID")]) from None
    return email


def create_checkout(*, channel_slug: str | None, lines: list[dict], email: str | None = None,
                    shipping_address: dict | None = None, billing_address: dict | None = None,
                    language_code: str | None = None, user: Any = None, request: Any = None,
                    metadata: list[dict] | None = None) -> Checkout:
    authenticated = bool(user is not None and user.is_authenticated)
    # Per client IP and per buyer (the account's e-mail, else the given one): carts cannot be mass-made
    # to hold stock.
    enforce("checkout_create", request, user.email if authenticated else (email or "").strip().lower() or None)
    channel = _channel(channel_slug)
    checkout = Checkout(channel=channel, user=user if authenticated else None)
    checkout.email = _clean_email(email) if email else (user.email if authenticated else "")
    language = language_code or (user.language_code if authenticated else channel.default_language)
    if language not in LANGUAGE_CODES:
        raise MutationError([FieldError("language_code", f"Unsupported language: {language}.", "INVALID")])
    checkout.language_code = language
    checkout.metadata = clean_metadata(metadata)
    errors: list[FieldError] = []
    for name, data in (("shipping_address", shipping_address), ("billing_address", billing_address)):
        if data:
            try:
                setattr(checkout, name, address_from_input(data))
            except MutationError as error:
                errors += [FieldError(name, f"{e.field}: {e.message}" if e.field else e.message, e.code)
                           for e in error.errors]
    if errors:
        raise MutationError(errors)
    checkout.save()
    checkout._created_here = True  # its ID is given to no one before this answer: it has no transactions
    if lines:
        checkout._new = True  # no existing lines to read
        add_lines(checkout, lines)
        checkout._new = False
    return checkout


MAX_METADATA_ITEMS, MAX_METADATA_KEY, MAX_METADATA_VALUE = 10, 64, 256


def clean_metadata(items: list[dict] | None) -> dict[str, str]:
    """Public metadata a buyer's client may set (Saleor copies it to the order: the `source` of a visit
    that came from a fair's QR label, for instance); bounded so a checkout cannot carry a payload."""
    items = items or []
    if len(items) > MAX_METADATA_ITEMS:
        raise MutationError([FieldError("metadata", f"At most {MAX_METADATA_ITEMS} metadata items.", "INVALID")])
    cleaned = {}
    for item in items:
        key, value = str(item.get("key") or "").strip(), str(item.get("value") or "")
        if not key or len(key) > MAX_METADATA_KEY or len(value) > MAX_METADATA_VALUE:
            raise MutationError([FieldError("metadata", f"A metadata key has 1 to {MAX_METADATA_KEY} characters "
                                            f"and a value at most {MAX_METADATA_VALUE}.", "INVALID")])
        cleaned[key] = value
    return cleaned


# The variants a change of lines names, with their products (less the long texts no rule reads), compiled once.
_VARIANTS = PreparedQuery(ProductVariant, lambda ids: ProductVariant.objects.filter(pk__in=ids).select_related(
    "product").defer(*(c.removeprefix("variant__") for c in LARGE_COLUMNS if c.startswith("variant__product__")
                       and "__artisan__" not in c)), INTS_ARG)
BIGINT = range(-(2**63), 2**63)


def _variants(variant_ids: list[int]) -> dict[int, ProductVariant]:
    if all(isinstance(pk, int) and pk in BIGINT for pk in variant_ids):
        return {v.pk: v for v in _VARIANTS(variant_ids)}
    return {v.pk: v for v in ProductVariant.objects.filter(pk__in=variant_ids).select_related("product")}


def add_lines(checkout: Checkout, lines: list[dict], *, replace: bool = False) -> None:
    """Add quantities (or set them with `replace`), then reserve stock for the lines touched."""
    if not lines:
        raise MutationError([FieldError("lines", "Provide at least one line.", "REQUIRED")])
    wanted: dict[int, int] = {}
    for entry in lines:
        if entry["quantity"] < 0 or (entry["quantity"] == 0 and not replace):
            raise MutationError([FieldError("quantity", "The quantity should be higher than zero.", "ZERO_QUANTITY")])
        wanted[entry["variant_id"]] = wanted.get(entry["variant_id"], 0) + entry["quantity"]
    variants = _variants(list(wanted))
    missing = [vid for vid in wanted if vid not in variants]
    if missing:
        raise MutationError([FieldError("variant_id", "Couldn't resolve to a node: productVariant.", "NOT_FOUND")])
    existing = {line.variant_id: line for line in checkout.lines.all()} if not getattr(checkout, "_new", False) else {}
    touched: list[CheckoutLine] = []
    new_lines: list[CheckoutLine] = []
    for variant_id, quantity in wanted.items():
        line = existing.get(variant_id)
        new_quantity = quantity if replace or line is None else line.quantity + quantity
        if new_quantity > MAX_LINE_QUANTITY:
            raise MutationError([FieldError("quantity", f"Cannot add more than {MAX_LINE_QUANTITY} units.",
                                            "QUANTITY_GREATER_THAN_LIMIT")])
        limit = variants[variant_id].quantity_limit_per_customer
        if limit and new_quantity > limit:
            raise MutationError([FieldError("quantity", f"Cannot add more than {limit} units of this item.",
                                            "QUANTITY_GREATER_THAN_LIMIT")])
        if line is None and new_quantity:
            line = CheckoutLine(checkout=checkout, variant=variants[variant_id], quantity=new_quantity)
            new_lines.append(line)
        elif line is not None and new_quantity == 0:
            inventory.release(line_ids=[line.pk])
            line.delete()
            continue
        elif line is not None:
            line.quantity = new_quantity
            line.save(update_fields=["quantity"])
        touched.append(line)
    CheckoutLine.objects.bulk_create(new_lines)  # one INSERT whatever the number of lines
    forget_info(checkout)
    info = load_checkout_info(checkout)
    for li in info.lines:
        if li.line.variant_id not in wanted:
            continue
        if li.listed_price is None:
            raise MutationError([FieldError("lines", f"Cannot add lines with unavailable variants: {li.variant.sku}.",
                                            "UNAVAILABLE_VARIANT_IN_CHANNEL")])
        if not li.published:
            raise MutationError([FieldError("lines", f"Cannot add lines for unavailable for purchase product: "
                                            f"{li.product.name}.", "PRODUCT_NOT_PUBLISHED")])
    reserve_stock(checkout, touched)
    if not getattr(checkout, "_new", False):  # a checkout created in this transaction was just saved
        checkout.save(update_fields=["updated_at"])


def reserve_stock(checkout: Checkout, lines: list[CheckoutLine]) -> None:
    """Hold units for `lines` (inventory/services.py; CHECKOUT_RESERVATION_SECONDS=0 holds nothing but still
    checks that the units are free)."""
    try:
        inventory.reserve(checkout.pk, [line for line in lines if line.pk], channel_id=checkout.channel_id,
                          fresh=getattr(checkout, "_new", False))
        if getattr(checkout, "_info", None) is not None:
            checkout._info.holds_changed = True
    except inventory.InsufficientStock as error:
        raise MutationError([
            FieldError("quantity", f"Could not add items {s.line.variant.sku}. Only {s.available} remaining in "
                       "stock.", "INSUFFICIENT_STOCK") for s in error.shortages]) from None


def update_lines(checkout: Checkout, lines: list[dict]) -> None:
    add_lines(checkout, lines, replace=True)


def delete_lines(checkout: Checkout, line_ids: list[int]) -> None:
    found = set(checkout.lines.filter(pk__in=line_ids).values_list("pk", flat=True))
    if set(line_ids) - found:
        raise MutationError([FieldError("line_id", "Couldn't resolve to a node: checkoutLine.", "NOT_FOUND")])
    inventory.release(line_ids=line_ids)
    CheckoutLine.objects.filter(pk__in=line_ids).delete()
    forget_info(checkout)
    checkout.save(update_fields=["updated_at"])


def update_email(checkout: Checkout, email: str) -> None:
    checkout.email = _clean_email(email)
    checkout.save(update_fields=["email", "updated_at"])


def update_customer_note(checkout: Checkout, note: str) -> None:
    """The buyer's note (a riad's name, delivery hints), kept short enough for a delivery slip."""
    checkout.customer_note = note.strip()[:2000]
    checkout.save(update_fields=["customer_note", "updated_at"])


def update_address(checkout: Checkout, kind: str, data: dict, *, save: bool = False, user: Any = None) -> None:
    """kind: "shipping" or "billing"; a bad address is field errors named after the address fields.
    `save` keeps a copy in the signed-in buyer's address book."""
    field = f"{kind}_address"
    address = address_from_input(data, instance=None)
    if save and user is not None and user.is_authenticated:
        from marketplace.accounts.addresses import copy_address

        user.addresses.add(copy_address(address))
    setattr(checkout, field, address)
    update = [field, "updated_at"]
    if kind == "shipping":
        checkout.collection_point = None
        update.append("collection_point")
    checkout.save(update_fields=update)
    forget_info(checkout)


def set_delivery_method(checkout: Checkout, *, shipping_method_id: int | None = None,
                        warehouse_id: int | None = None) -> None:
    info = load_checkout_info(checkout)
    # Choosing a carrier for the same address keeps the lines, prices and methods already read (the answer
    # reuses them); a pick-up point, or leaving one, changes the destination: everything is read again.
    same_destination = shipping_method_id is not None and checkout.collection_point_id is None
    if not info.is_shipping_required:
        raise MutationError([FieldError("delivery_method_id", "This checkout doesn't need shipping",
                                        "SHIPPING_NOT_REQUIRED")])
    if shipping_method_id is not None:
        if checkout.shipping_address_id is None:
            raise MutationError([FieldError("delivery_method_id", "Cannot choose a shipping method for a checkout "
                                            "without the shipping address.", "SHIPPING_ADDRESS_NOT_SET")])
        method = next((m for m in info.shipping_methods if m.pk == shipping_method_id), None)
        if method is None:
            raise MutationError([FieldError("delivery_method_id", "This shipping method is not applicable.",
                                            "DELIVERY_METHOD_NOT_APPLICABLE")])
        require_hotel_name(checkout, method)
        checkout.shipping_method, checkout.collection_point = method, None
    else:
        point = next((w for w in info.collection_points if w.pk == warehouse_id), None)
        if point is None:
            raise MutationError([FieldError("delivery_method_id", "This pick up point is not applicable.",
                                            "DELIVERY_METHOD_NOT_APPLICABLE")])
        checkout.collection_point, checkout.shipping_method = point, None
        checkout.shipping_address = point.address
    checkout.save(update_fields=["shipping_method", "collection_point", "shipping_address", "updated_at"])
    if same_destination:
        info.__dict__.pop("selected_method", None)
    else:
        forget_info(checkout)


def require_hotel_name(checkout: Checkout, method: ShippingMethod) -> None:
    """Hotel or riad delivery needs the place's name: the address's company name or a delivery note."""
    if method.kind != ShippingMethod.Kind.HOTEL:
        return
    address = checkout.shipping_address
    if not (address and address.company_name.strip()) and not checkout.customer_note.strip():
        raise MutationError([FieldError("shipping_address", "Give the name of your hotel or riad in the address's "
                                        "company name (or a delivery note).", "MISSING_ADDRESS_DATA")])
