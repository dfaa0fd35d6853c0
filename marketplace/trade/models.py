"""Trade (wholesale) to foreign shops and distributors: verified trade accounts, the artisans' minimums and
each variant's pack size, lead time and made-to-order capacity, trade carts, quotes, and what a trade
order adds to an ordinary order (payment terms, deposit and balance, production orders).

The trade channels themselves are Saleor channels of kind TRADE (channels app): wholesale prices are their
variant listings, derived from the MAD retail price by the channel's rule (rate × share of retail, rounded)
unless an artisan overrides them. A trade order is an ordinary order of that channel, with one fulfilment
per artisan; its TradeOrder row holds the terms."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models


class TradeAccount(models.Model):
    """A shop's application and, once a curator verified it, its trade account."""

    class Status(models.TextChoices):
        PENDING = "PENDING"
        VERIFIED = "VERIFIED"
        REJECTED = "REJECTED"

    class ShopKind(models.TextChoices):
        CONCEPT_STORE = "CONCEPT_STORE"
        GALLERY = "GALLERY"
        HOME_STORE = "HOME_STORE"
        DEPARTMENT_STORE = "DEPARTMENT_STORE"
        MUSEUM_SHOP = "MUSEUM_SHOP"
        ONLINE_SHOP = "ONLINE_SHOP"
        INTERIOR_DESIGNER = "INTERIOR_DESIGNER"
        DISTRIBUTOR = "DISTRIBUTOR"
        OTHER = "OTHER"

    class TaxIdKind(models.TextChoices):
        VAT = "VAT"
        EORI = "EORI"
        BUSINESS_NUMBER = "BUSINESS_NUMBER"  # outside Europe (Canada's BN, a US EIN)

    class RejectionReason(models.TextChoices):
        TAX_ID_UNVERIFIED = "TAX_ID_UNVERIFIED"
        NO_RETAIL_ACTIVITY = "NO_RETAIL_ACTIVITY"
        INCOMPLETE = "INCOMPLETE"
        OUTSIDE_MARKETS = "OUTSIDE_MARKETS"
        OTHER = "OTHER"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trade_account")
    company_name = models.CharField(max_length=250)
    country = models.CharField(max_length=2)
    tax_id = models.CharField(max_length=32)  # normalised: upper case, no spaces, dots or dashes
    tax_id_kind = models.CharField(max_length=16, choices=TaxIdKind.choices)
    website = models.URLField(max_length=300, blank=True)
    shop_address = models.ForeignKey("accounts.Address", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    shop_kind = models.CharField(max_length=24, choices=ShopKind.choices)
    # The trade channel of its currency (trade-eur, trade-usd), chosen from the country when applying.
    channel = models.ForeignKey("channels.Channel", on_delete=models.PROTECT, related_name="trade_accounts")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True)
    rejection_reason = models.CharField(max_length=24, choices=RejectionReason.choices, blank=True)
    rejection_note = models.TextField(blank=True)
    # A curator's mark: this account may buy on net-30 terms (no deposit, paid 30 days after shipping).
    is_trusted = models.BooleanField(default=False)
    applied_at = models.DateTimeField()
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")

    class Meta:
        ordering = ["-applied_at", "-pk"]

    def __str__(self) -> str:
        return self.company_name


class ArtisanTradeTerms(models.Model):
    """An artisan's minimum order value for trade buyers, in euros (shown in each trade channel's currency)."""

    artisan = models.OneToOneField("artisans.Artisan", on_delete=models.CASCADE, related_name="trade_terms")
    first_order_minimum = models.DecimalField(max_digits=10, decimal_places=2, default=Decimal("150"))
    reorder_minimum = models.DecimalField(max_digits=10, decimal_places=2, default=Decimal("100"))
    updated_at = models.DateTimeField(auto_now=True)


class VariantTradeTerms(models.Model):
    """Per variant: the pack size a trade line must be a multiple of, and how many more units beyond stock
    the artisan can make in how many weeks (capacity 0: nothing beyond stock). Locked while an order takes
    made-to-order units, so two orders cannot both take the last of the capacity."""

    variant = models.OneToOneField("catalog.ProductVariant", on_delete=models.CASCADE, related_name="trade_terms")
    pack_size = models.PositiveSmallIntegerField(default=1)
    lead_time_weeks = models.PositiveSmallIntegerField(default=0)
    made_to_order_capacity = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)


class TradeCart(models.Model):
    """A verified account's cart in its trade channel. It holds no stock: a trade cart lives for days, and
    stock is split between what ships now and what is made to order when the order is placed."""

    account = models.OneToOneField(TradeAccount, on_delete=models.CASCADE, related_name="cart")
    updated_at = models.DateTimeField(auto_now=True)


class TradeCartLine(models.Model):
    cart = models.ForeignKey(TradeCart, on_delete=models.CASCADE, related_name="lines")
    variant = models.ForeignKey("catalog.ProductVariant", on_delete=models.CASCADE, related_name="+")
    quantity = models.PositiveIntegerField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        unique_together = [("cart", "variant")]


class TradeQuote(models.Model):
    """A buyer asks an artisan for a quantity or a variation; the artisan offers a price and a lead time, or
    declines; an accepted offer becomes a trade order."""

    class Kind(models.TextChoices):
        QUANTITY = "QUANTITY"
        COLOUR = "COLOUR"
        SIZE = "SIZE"
        OWN_LABEL = "OWN_LABEL"
        OTHER = "OTHER"

    class Status(models.TextChoices):
        REQUESTED = "REQUESTED"
        OFFERED = "OFFERED"
        DECLINED = "DECLINED"
        ACCEPTED = "ACCEPTED"

    account = models.ForeignKey(TradeAccount, on_delete=models.CASCADE, related_name="quotes")
    artisan = models.ForeignKey("artisans.Artisan", on_delete=models.CASCADE, related_name="trade_quotes")
    variant = models.ForeignKey("catalog.ProductVariant", null=True, on_delete=models.SET_NULL, related_name="+")
    product_name = models.CharField(max_length=386)
    channel = models.ForeignKey("channels.Channel", on_delete=models.PROTECT, related_name="+")
    currency = models.CharField(max_length=3)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    quantity = models.PositiveIntegerField()
    request_note = models.TextField(blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.REQUESTED, db_index=True)
    unit_price = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    lead_time_weeks = models.PositiveSmallIntegerField(null=True, blank=True)
    answer_note = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]


class TradeOrder(models.Model):
    """The trade terms of an order of a trade channel: a deposit share before production and the balance
    before shipping (DEPOSIT), or, for accounts a curator trusts, everything 30 days after shipping (NET_30)."""

    class Terms(models.TextChoices):
        DEPOSIT = "DEPOSIT"
        NET_30 = "NET_30"

    order = models.OneToOneField("orders.Order", on_delete=models.CASCADE, related_name="trade")
    account = models.ForeignKey(TradeAccount, on_delete=models.PROTECT, related_name="orders")
    quote = models.OneToOneField(TradeQuote, null=True, blank=True, on_delete=models.SET_NULL, related_name="order")
    payment_terms = models.CharField(max_length=8, choices=Terms.choices)
    deposit_share = models.DecimalField(max_digits=4, decimal_places=3, default=Decimal("0"))
    deposit_amount = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal("0"))
    balance_amount = models.DecimalField(max_digits=12, decimal_places=2)
    deposit_received_at = models.DateTimeField(null=True, blank=True)
    balance_received_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)


class ProductionOrder(models.Model):
    """Units of a trade line beyond the stock, within the artisan's capacity: made for this order, never
    taken from stock (so never an oversell). Production starts when the deposit is received (at once on
    net-30 terms); `due` is then start + lead time."""

    class Status(models.TextChoices):
        AWAITING_DEPOSIT = "AWAITING_DEPOSIT"
        IN_PRODUCTION = "IN_PRODUCTION"
        READY = "READY"
        CANCELED = "CANCELED"

    order_line = models.OneToOneField("orders.OrderLine", on_delete=models.CASCADE, related_name="production")
    artisan = models.ForeignKey("artisans.Artisan", on_delete=models.PROTECT, related_name="production_orders")
    variant = models.ForeignKey("catalog.ProductVariant", null=True, on_delete=models.SET_NULL, related_name="+")
    quantity = models.PositiveIntegerField()
    lead_time_weeks = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=16, choices=Status.choices, db_index=True)
    started = models.DateField(null=True, blank=True)
    due = models.DateField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
