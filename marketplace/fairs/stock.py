"""The one place a stand sale takes stock.

It follows the rule of checkout completion (marketplace/checkout/complete.py `_allocate`): the variant's stock
rows in the warehouses serving the channel are locked FOR UPDATE in primary-key order, so a stand sale and
online checkouts for the same piece queue on the same rows and the later ones see the first one's allocation;
unexpired reservations of online checkouts count as taken. When the inventory services
(marketplace/inventory/services.py) land, this function becomes a call to their `allocate`."""

from __future__ import annotations

from django.db import transaction

from marketplace.channels.models import Channel
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.views import bump_catalog_version
from marketplace.inventory.models import Allocation, Stock
from marketplace.inventory.selectors import active_reservations
from marketplace.orders.models import OrderLine


def allocate_stand_sale(line: OrderLine, channel: Channel) -> None:
    """Allocate the line's units or raise INSUFFICIENT_STOCK (nothing written)."""
    if line.variant is None or not line.variant.track_inventory:
        return
    stocks = list(Stock.objects.select_for_update(of=("self",))
                  .filter(product_variant_id=line.variant_id, warehouse__channels=channel)
                  .annotate(held=active_reservations()).order_by("pk"))
    needed, allocations = line.quantity, []
    for stock in stocks:
        take = min(needed, max(0, stock.quantity - stock.quantity_allocated - stock.held))
        if take:
            stock.quantity_allocated += take
            stock.save(update_fields=["quantity_allocated"])
            allocations.append(Allocation(order_line=line, stock=stock, quantity_allocated=take))
            needed -= take
        if not needed:
            break
    if needed:
        held = sum(stock.held for stock in stocks)
        message = ("An online buyer is paying for this piece right now: it is held for their checkout."
                   if held else "This piece is already sold: there is no stock left.")
        raise MutationError([FieldError("variant", message, "INSUFFICIENT_STOCK")])
    Allocation.objects.bulk_create(allocations)
    # The piece's availability in cached catalogue answers changes: drop them at commit.
    transaction.on_commit(bump_catalog_version)
