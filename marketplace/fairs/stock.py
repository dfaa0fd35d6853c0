"""The one place a stand sale takes stock: the inventory services' `allocate`, the same call (and lock order)
as an online checkout's completion, so a piece cannot be sold on the stand and online at once. Units held
by an online buyer's unexpired checkout count as taken."""

from __future__ import annotations

from django.db.models import F

from marketplace.channels.models import Channel
from marketplace.core.errors import FieldError, MutationError
from marketplace.inventory import services as inventory
from marketplace.inventory.models import Stock
from marketplace.orders.models import OrderLine


def allocate_stand_sale(line: OrderLine, channel: Channel) -> None:
    """Allocate the line's units or raise INSUFFICIENT_STOCK (nothing written)."""
    try:
        inventory.allocate([line], channel_id=channel.pk)
    except inventory.InsufficientStock:
        unsold = Stock.objects.filter(product_variant_id=line.variant_id, warehouse__channels=channel,
                                      quantity__gt=F("quantity_allocated")).exists()
        message = ("An online buyer holds this piece in their basket right now: it is not free to sell."
                   if unsold else "This piece is already sold: there is no stock left.")
        raise MutationError([FieldError("variant", message, "INSUFFICIENT_STOCK")]) from None
