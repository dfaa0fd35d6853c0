"""After a load run or a fault: nothing oversold, and every order agrees with its allocations, the stock,
its transactions and the payout ledger. Django must be set up on the database to check."""

from __future__ import annotations

from decimal import Decimal


def consistency(initial_stock: dict[str, int] | None = None) -> list[str]:
    """Problems found (empty when everything agrees). `initial_stock`: SKU → quantity before the run."""
    from django.db.models import Sum

    from marketplace.inventory.models import Allocation, Stock
    from marketplace.orders.models import Order, OrderLine
    from marketplace.payments.models import TransactionItem
    from marketplace.payouts.models import LedgerEntry
    from marketplace.payouts.services import line_worth
    from marketplace.trade.models import ProductionOrder

    problems: list[str] = []
    allocated = dict(Allocation.objects.values("stock_id").annotate(n=Sum("quantity_allocated"))
                     .values_list("stock_id", "n"))
    for stock in Stock.objects.select_related("product_variant"):
        if not 0 <= stock.quantity_allocated <= stock.quantity:
            problems.append(f"stock {stock.pk} ({stock.product_variant.sku}): allocated {stock.quantity_allocated} "
                            f"of {stock.quantity}")
        if stock.quantity_allocated != allocated.get(stock.pk, 0):
            problems.append(f"stock {stock.pk} ({stock.product_variant.sku}): quantity_allocated "
                            f"{stock.quantity_allocated} but allocations sum to {allocated.get(stock.pk, 0)}")
    sold = dict(OrderLine.objects.values("product_sku").annotate(n=Sum("quantity")).values_list("product_sku", "n"))
    for sku, quantity in (initial_stock or {}).items():
        if sold.get(sku, 0) > quantity:
            problems.append(f"{sku} oversold: {sold[sku]} sold of {quantity}")
    line_allocations = dict(Allocation.objects.values("order_line_id").annotate(n=Sum("quantity_allocated"))
                            .values_list("order_line_id", "n"))
    # A trade line beyond stock is made to order: its production order covers what is not allocated.
    produced = dict(ProductionOrder.objects.values_list("order_line_id", "quantity"))
    ledger = {}
    for entry in LedgerEntry.objects.filter(kind=LedgerEntry.Kind.SALE):
        ledger.setdefault(entry.order_line_id, []).append(entry)
        if entry.commission + entry.net != entry.gross:
            problems.append(f"ledger entry {entry.pk}: commission + net != gross")
    transactions = {}
    for item in TransactionItem.objects.filter(order__isnull=False):
        transactions.setdefault(item.order_id, []).append(item)
    for order in Order.objects.prefetch_related("lines__variant"):
        lines = list(order.lines.all())
        if sum((line.total_price_gross for line in lines), Decimal("0")) != order.subtotal_gross:
            problems.append(f"order {order.number}: lines do not add up to the subtotal")
        if order.subtotal_gross + order.shipping_gross != order.total_gross:
            problems.append(f"order {order.number}: subtotal + shipping != total")
        for line in lines:
            tracked = line.variant is None or line.variant.track_inventory
            covered = line_allocations.get(line.pk, 0) + produced.get(line.pk, 0)
            if tracked and line.variant_id and covered != line.quantity:
                problems.append(f"order {order.number} line {line.product_sku}: {line.quantity} ordered, "
                                f"{line_allocations.get(line.pk, 0)} allocated, {produced.get(line.pk, 0)} made "
                                "to order")
        items = transactions.get(order.pk, [])
        charged = sum((t.charged_value for t in items), Decimal("0"))
        if charged != order.total_charged:
            problems.append(f"order {order.number}: charged {charged} by its transactions, {order.total_charged} "
                            "recorded")
        if charged > order.total_gross:
            problems.append(f"order {order.number}: charged {charged} for a total of {order.total_gross}")
        paid = order.total_charged >= order.total_gross
        for line in lines:
            entries = ledger.get(line.pk, [])
            if len(entries) > 1 or (paid and not entries) or (not paid and entries):
                problems.append(f"order {order.number} line {line.product_sku}: {len(entries)} sale entries in the "
                                f"ledger for a{'' if paid else 'n un'}paid order")
            if entries and entries[0].gross != line_worth(line)[0]:
                problems.append(f"order {order.number} line {line.product_sku}: ledger gross != line total")
    return problems


if __name__ == "__main__":  # DATABASE_URL=... python bench/load_checks.py → the problems as JSON
    import json
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import proof_stack

    proof_stack.django_setup()
    print(json.dumps(consistency()))
