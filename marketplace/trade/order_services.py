"""Trade orders: the cart (or an accepted quote) becomes an ordinary order of the account's trade channel,
with one fulfilment per artisan, plus its TradeOrder terms and its production orders.

Rules checked when the order is placed: every piece offered in the channel; quantities in whole packs; each
artisan's minimum reached (one error per artisan, saying how much is missing); net-30 terms only for
accounts a curator trusts; a shipping method that carries every artisan's cartons to the address.

Stock: what is free ships from stock (inventory.allocate, as retail orders); the rest of a line, up to the
artisan's made-to-order capacity left, becomes a production order; beyond it the order is refused. Never an
oversell: production units are never taken from stock. Lock order (inventory/services.py's rule): the
caller's own row first (the cart), then the variants' trade terms rows in primary-key order (capacity), then
the stock rows (inventory.allocate). Capacity left is counted after those locks, so two buyers cannot both
take the last of it.

Payments (back office, MANAGE_ORDERS): the deposit, then the balance, each recorded as a bank-transfer
transaction; the deposit starts production; once fully paid the payout ledger takes the lines at the trade
channel's commission rate (payouts.record_sales)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from marketplace.accounts.addresses import address_from_input, copy_address
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.graphql.ids import to_global_id
from marketplace.core.graphql.types import Money
from marketplace.core.permissions import require_staff_permission
from marketplace.inventory import services as inventory
from marketplace.inventory.models import Stock
from marketplace.orders.models import Fulfillment, Order, OrderEvent, OrderLine
from marketplace.orders.services import CREDIT_TERMS_KEY
from marketplace.trade.access import require_verified_buyer
from marketplace.trade.cart_services import cart_for, line_error
from marketplace.trade.models import ProductionOrder, TradeAccount, TradeOrder, TradeQuote, VariantTradeTerms
from marketplace.trade.pricing import deposit_split, shipping_quotes, unit_weight_kg
from marketplace.trade.selectors import artisan_minimums, open_production, variant_offers


@dataclass
class Wanted:
    """One line to order: the variant (product, artisan, type loaded), how many, at which unit price."""

    variant: Any
    quantity: int
    unit_price: Decimal
    made_to_order_only: bool = False  # a quote for a variation: nothing comes from stock
    lead_time_weeks: int | None = None  # a quote's own lead time (its capacity is the artisan's word)

    @property
    def variant_id(self) -> int:
        return self.variant.pk


@dataclass
class _Demand:
    """What inventory.allocate needs of a line (inventory.services.Demand)."""

    pk: int
    variant_id: int
    quantity: int
    variant: Any


def deposit_share() -> Decimal:
    return Decimal(str(settings.TRADE_DEPOSIT_SHARE))


def _terms(account: TradeAccount, payment_terms: str | None) -> str:
    terms = payment_terms or TradeOrder.Terms.DEPOSIT
    if terms not in TradeOrder.Terms.values:
        raise MutationError([FieldError("paymentTerms", "Choose DEPOSIT or NET_30.", "INVALID")])
    if terms == TradeOrder.Terms.NET_30 and not account.is_trusted:
        raise MutationError([FieldError("paymentTerms", "Net-30 terms are for accounts a curator has marked as "
                                        "trusted; pay a deposit instead.", "NET_TERMS_NOT_ALLOWED")])
    return terms


def _address(account: TradeAccount, data: dict | None, field: str, fallback: Any) -> Any:
    """The address given (validated), else a copy of `fallback` (the shop's); in the channel's countries."""
    if data:
        try:
            address = address_from_input(data)
        except MutationError as error:
            raise MutationError([FieldError(f"{field}.{e.field}" if e.field else field, e.message, e.code)
                                 for e in error.errors]) from None
    elif fallback is not None:
        address = copy_address(fallback)
    else:
        raise MutationError([FieldError(field, "Give the delivery address.", "REQUIRED")])
    if field == "shippingAddress" and address.country not in account.channel.countries:
        raise MutationError([FieldError(field, f"The {account.channel.name} market does not deliver to "
                                        f"{address.country}.", "INVALID")])
    return address


def place_order(user: Any, *, shipping_address: dict | None = None, billing_address: dict | None = None,
                shipping_method_id: int | None = None, payment_terms: str | None = None, note: str = "") -> TradeOrder:
    account = require_verified_buyer(user)
    with transaction.atomic():
        cart = cart_for(account, lock=True)  # the caller's own row first
        lines = list(cart.lines.select_related("variant__product__artisan", "variant__product__product_type")
                     .order_by("pk"))
        if not lines:
            raise MutationError([FieldError("lines", "The trade cart is empty.", "NO_LINES")])
        channel = account.channel
        terms = _terms(account, payment_terms)
        offers = variant_offers([line.variant_id for line in lines], channel)
        errors = []
        for index, line in enumerate(lines):
            problem = line_error(f"lines.{index}", line.variant.product.name, line.quantity, offers[line.variant_id])
            if problem and problem.code != "BEYOND_CAPACITY":  # capacity: counted again under the locks below
                errors.append(problem)
        if errors:
            raise MutationError(errors)
        errors += minimum_errors(account, [(line.variant, line.quantity, offers[line.variant_id].wholesale)
                                           for line in lines])
        if errors:
            raise MutationError(errors)
        wanted = [Wanted(line.variant, line.quantity, offers[line.variant_id].wholesale) for line in lines]
        trade = create_trade_order(account, wanted, terms=terms, shipping_address=shipping_address,
                                   billing_address=billing_address, shipping_method_id=shipping_method_id, note=note)
        cart.lines.all().delete()
    return trade


def minimum_errors(account: TradeAccount, lines: list[tuple[Any, int, Decimal]]) -> list[FieldError]:
    """One MINIMUM_NOT_REACHED error per artisan whose part is under its minimum, with what is missing."""
    subtotals: dict[int, Decimal] = {}
    artisans: dict[int, Any] = {}
    for variant, quantity, price in lines:
        artisan = variant.product.artisan
        artisans[artisan.pk] = artisan
        subtotals[artisan.pk] = subtotals.get(artisan.pk, Decimal(0)) + price * quantity
    minimums = artisan_minimums(list(subtotals), account.channel, account)
    errors = []
    currency = account.channel.currency_code
    for artisan_id, subtotal in subtotals.items():
        minimum = minimums[artisan_id]
        missing = minimum.amount - subtotal
        if missing > 0:
            which = "a first order" if minimum.is_first_order else "a reorder"
            errors.append(FieldError(
                "lines", f"{artisans[artisan_id].name}: the minimum for {which} is {minimum.amount:.2f} {currency}; "
                f"add {missing:.2f} {currency} more.", "MINIMUM_NOT_REACHED",
                extra={"artisan": to_global_id("Artisan", artisan_id), "missing": Money.of(missing, currency)}))
    return errors


def _materials(product_ids: set[int]) -> dict[int, str]:
    from marketplace.catalog.models import AssignedProductAttributeValue

    found: dict[int, list[str]] = {}
    for product_id, name in (AssignedProductAttributeValue.objects.filter(
            product_id__in=product_ids, value__attribute__slug="materiau").values_list("product_id", "value__name")):
        found.setdefault(product_id, []).append(name)
    return {pk: ", ".join(names) for pk, names in found.items()}


def create_trade_order(account: TradeAccount, wanted: list[Wanted], *, terms: str, shipping_address: dict | None,
                       billing_address: dict | None, shipping_method_id: int | None, note: str = "",
                       quote: TradeQuote | None = None) -> TradeOrder:
    channel = account.channel
    shipping = _address(account, shipping_address, "shippingAddress", account.shop_address)
    billing = _address(account, billing_address, "billingAddress", account.shop_address or shipping) \
        if billing_address or account.shop_address else copy_address(shipping)
    quotes = shipping_quotes(channel, shipping, [(w.variant, w.quantity) for w in wanted])
    if not quotes:
        raise MutationError([FieldError("shippingMethod", "No shipping method carries these cartons to this "
                                        "address.", "SHIPPING_METHOD_NOT_APPLICABLE")])
    chosen = quotes[0] if shipping_method_id is None else next(
        (q for q in quotes if q.method.pk == shipping_method_id), None)
    if chosen is None:
        raise MutationError([FieldError("shippingMethod", "This shipping method does not carry these cartons to "
                                        "this address.", "SHIPPING_METHOD_NOT_APPLICABLE")])
    with transaction.atomic():
        variant_ids = sorted({w.variant_id for w in wanted})
        terms_rows = {t.variant_id: t for t in VariantTradeTerms.objects.select_for_update()
                      .filter(variant_id__in=variant_ids).order_by("pk")}
        subtotal = sum((w.unit_price * w.quantity for w in wanted), Decimal(0)).quantize(Decimal("0.01"))
        total = subtotal + chosen.price
        with connection.cursor() as cursor:
            cursor.execute("SELECT nextval('orders_order_number_seq')")
            number = cursor.fetchone()[0]
        user = account.user
        order = Order.objects.create(
            number=number, channel=channel, user=user, user_email=user.email,
            language_code=user.language_code, billing_address=billing, shipping_address=shipping,
            shipping_method=chosen.method, shipping_method_name=chosen.method.name, customer_note=(note or "")[:2000],
            payment_method=Order.Payment.BANK_TRANSFER, currency=channel.currency_code, vat_rate=Decimal(0),
            subtotal_gross=subtotal, subtotal_net=subtotal, shipping_gross=chosen.price, shipping_net=chosen.price,
            total_gross=total, total_net=total, weight_kg=sum((unit_weight_kg(w.variant) * w.quantity for w in wanted),
                                                              Decimal(0)),
            status=Order.Status.UNFULFILLED,
            private_metadata={CREDIT_TERMS_KEY: terms} if terms == TradeOrder.Terms.NET_30 else {})
        artisans: list[int] = []
        for w in wanted:
            if w.variant.product.artisan_id not in artisans:
                artisans.append(w.variant.product.artisan_id)
        warehouses = dict(Stock.objects.filter(product_variant_id__in=variant_ids)
                          .values_list("warehouse__artisan_id", "warehouse_id"))
        fulfillments = {f.artisan_id: f for f in Fulfillment.objects.bulk_create([
            Fulfillment(order=order, artisan_id=artisan_id, fulfillment_order=i + 1,
                        warehouse_id=warehouses.get(artisan_id)) for i, artisan_id in enumerate(artisans)])}
        materials = _materials({w.variant.product_id for w in wanted})
        lines = OrderLine.objects.bulk_create([OrderLine(
            order=order, fulfillment=fulfillments[w.variant.product.artisan_id],
            artisan_id=w.variant.product.artisan_id,
            variant=w.variant, product_name=w.variant.product.name, variant_name=w.variant.name,
            product_sku=w.variant.sku or "", quantity=w.quantity, currency=channel.currency_code,
            unit_price_gross=w.unit_price, unit_price_net=w.unit_price, total_price_gross=w.unit_price * w.quantity,
            total_price_net=w.unit_price * w.quantity, tax_rate=Decimal(0),
            hs_code=w.variant.hs_code or w.variant.product.product_type.hs_code,
            material=materials.get(w.variant.product_id, ""), country_of_origin=w.variant.country_of_origin or "MA")
            for w in wanted])
        from_stock = inventory.allocate_up_to([
            _Demand(line.pk, w.variant_id, 0 if w.made_to_order_only else w.quantity, w.variant)
            for line, w in zip(lines, wanted, strict=True)], channel_id=channel.pk)
        busy = open_production(variant_ids)
        production, errors = [], []
        today = timezone.localdate()
        for index, (line, w) in enumerate(zip(lines, wanted, strict=True)):
            extra = w.quantity - from_stock.get(line.pk, 0)
            if not extra:
                continue
            term = terms_rows.get(w.variant_id)
            weeks = w.lead_time_weeks if w.lead_time_weeks is not None else (term.lead_time_weeks if term else 0)
            if quote is None:
                left = max(0, (term.made_to_order_capacity if term else 0) - busy.get(w.variant_id, 0))
                if extra > left:
                    errors.append(FieldError(f"lines.{index}", f"{line.product_name}: {from_stock.get(line.pk, 0)} in "
                                             f"stock and {left} more can be made to order; {extra - left} too many.",
                                             "BEYOND_CAPACITY"))
                    continue
            busy[w.variant_id] = busy.get(w.variant_id, 0) + extra
            started = terms == TradeOrder.Terms.NET_30
            production.append(ProductionOrder(
                order_line=line, artisan_id=line.artisan_id, variant=w.variant, quantity=extra, lead_time_weeks=weeks,
                status=ProductionOrder.Status.IN_PRODUCTION if started else ProductionOrder.Status.AWAITING_DEPOSIT,
                started=today if started else None, due=today + timedelta(weeks=weeks) if started else None))
        if errors:
            raise MutationError(errors)
        ProductionOrder.objects.bulk_create(production)
        share = deposit_share() if terms == TradeOrder.Terms.DEPOSIT else Decimal(0)
        deposit, balance = deposit_split(total, share)
        trade = TradeOrder.objects.create(order=order, account=account, quote=quote, payment_terms=terms,
                                          deposit_share=share, deposit_amount=deposit, balance_amount=balance)
        OrderEvent.objects.create(order=order, type="PLACED", user=user, parameters={
            "payment_method": Order.Payment.BANK_TRANSFER, "trade_terms": terms})
    from marketplace.trade.tasks import send_order_placed_task

    transaction.on_commit(lambda: send_order_placed_task.delay(trade.pk))
    return trade


# --- payments (back office) -----------------------------------------------------------------------------

@transaction.atomic
def record_payment(user: Any, order_pk: int, kind: str, reference: str = "") -> TradeOrder:
    """The deposit or the balance received by bank transfer. The deposit starts production (due dates from
    today); the balance completes the payment, and the payout ledger takes the lines."""
    from marketplace.orders.services import refresh_payment
    from marketplace.payments import gateways
    from marketplace.payments.models import TransactionEvent, TransactionItem

    require_staff_permission(user, "manage_orders")
    order = Order.objects.select_for_update().filter(pk=order_pk).first()  # the order's row first
    trade = TradeOrder.objects.select_for_update().filter(order_id=order_pk).first()
    if order is None or trade is None:
        raise MutationError([FieldError("id", "Couldn't resolve to a trade order.", "NOT_FOUND")])
    if order.status == Order.Status.CANCELED:
        raise MutationError([FieldError("id", "The order is canceled.", "NOT_EDITABLE")])
    now = timezone.now()
    if kind == "DEPOSIT":
        if trade.payment_terms != TradeOrder.Terms.DEPOSIT:
            raise MutationError([FieldError("kind", "This order is on net-30 terms: it has no deposit.", "INVALID")])
        if trade.deposit_received_at:
            raise MutationError([FieldError("kind", "The deposit is already recorded.", "ALREADY_RECORDED")])
        amount, trade.deposit_received_at = trade.deposit_amount, now
        today = timezone.localdate()
        for job in ProductionOrder.objects.filter(order_line__order=order,
                                                  status=ProductionOrder.Status.AWAITING_DEPOSIT):
            job.status, job.started, job.due = ProductionOrder.Status.IN_PRODUCTION, today, \
                today + timedelta(weeks=job.lead_time_weeks)
            job.save(update_fields=["status", "started", "due"])
    elif kind == "BALANCE":
        if trade.payment_terms == TradeOrder.Terms.DEPOSIT and not trade.deposit_received_at:
            raise MutationError([FieldError("kind", "Record the deposit first.", "INVALID")])
        if trade.balance_received_at or order.total_charged >= order.total_gross:
            raise MutationError([FieldError("kind", "The balance is already recorded.", "ALREADY_RECORDED")])
        amount, trade.balance_received_at = order.total_gross - order.total_charged, now
    else:
        raise MutationError([FieldError("kind", "Choose DEPOSIT or BALANCE.", "INVALID")])
    trade.save(update_fields=["deposit_received_at", "balance_received_at"])
    item = TransactionItem.objects.create(order=order, gateway=gateways.BANK_TRANSFER, name=f"Trade {kind.lower()}",
                                          currency=order.currency, amount=amount, charged_value=amount,
                                          psp_reference=reference)
    TransactionEvent.objects.create(transaction=item, type="CHARGE_SUCCESS", amount=amount, currency=order.currency,
                                    psp_reference=reference, message=f"Trade {kind.lower()} received", created_by=user)
    OrderEvent.objects.create(order=order, type="OTHER", user=user, parameters={
        "trade_payment": kind, "amount": str(amount), "transaction_reference": reference})
    refresh_payment(order.pk)
    return trade

