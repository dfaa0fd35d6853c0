"""Every stock write goes through this module: reserve and release (checkout holds), allocate and
deallocate (orders), set a quantity, create the first rows of new variants, purge expired holds.

Public API (the callers: checkout, orders, catalog management, the demo, fairs, trade):

    reserve(checkout_id, lines, channel_id=, seconds=)     hold units for checkout lines (replaces their holds)
    release(checkout_id=, line_ids=)                       drop holds
    allocate(order_lines, channel_id=, checkout_id=)       take units for order lines, consuming the checkout's holds
    allocate_up_to(order_lines, channel_id=)               take what is free of each line, the rest left (trade)
    deallocate(order_line_ids)                             give an order's units back (cancellation)
    set_quantity(warehouse_id, variant_id, quantity)       an artisan's count of a piece in a warehouse
    create_stocks(rows)                                    first stock rows of variants created in this transaction
    delete_expired_reservations(now=)                      housekeeping

They raise InsufficientStock (what is missing, per line) or BelowAllocated; callers turn these into their
own API errors. Each function is atomic on its own and may run inside the caller's transaction.

Lock order, the same everywhere stock is written, so concurrent writers queue instead of deadlocking:
  1. the caller's own row first, when there is one (the checkout being changed or completed, the order
     being canceled): `SELECT ... FOR UPDATE` in the caller, before calling in here;
  2. the stock rows concerned, in one `SELECT ... FOR UPDATE` ordered by primary key (`_lock`);
  3. only then reservation and allocation rows, which are written only while their stock rows are locked.

Counting after the lock. Quantities, allocations and reservations are read by a statement that starts
after the locks are granted (`_levels`). Under PostgreSQL's READ COMMITTED each statement takes a new
snapshot, so it sees every reservation and allocation committed by the transactions we queued behind; a
subquery inside the locking statement itself would read the snapshot taken before the wait and miss them
(issue 12: fifty buyers, four carts each holding "the last" unit, no sale).

Invariant kept by every writer: for each stock row, allocated units + unexpired reservations <= quantity.
So a cart that holds units can always turn them into an order, and a hold never outlives its usefulness
by more than its expiry: when a quantity is lowered below what is held, the newest holds are trimmed."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, QuerySet, Value
from django.utils import timezone

from marketplace.core.cache import bump_catalog_version
from marketplace.core.prepared import INT_ARG, INTS_ARG, TIME_ARG, UUID_ARG, PreparedQuery
from marketplace.inventory.models import Allocation, Reservation, Stock
from marketplace.inventory.selectors import held_units


class Demand(Protocol):
    """A line wanting units: a CheckoutLine or an OrderLine (its variant loaded for `track_inventory`)."""

    pk: Any
    variant_id: int
    quantity: int


@dataclass(frozen=True)
class Shortage:
    line: Any  # the caller's line
    requested: int
    available: int


class InsufficientStock(Exception):
    def __init__(self, shortages: list[Shortage]):
        super().__init__(", ".join(f"variant {s.line.variant_id}: {s.available} of {s.requested}" for s in shortages))
        self.shortages = shortages


class BelowAllocated(Exception):
    """A quantity lower than the units already sold and waiting to ship."""

    def __init__(self, allocated: int):
        super().__init__(f"{allocated} units are allocated")
        self.allocated = allocated


@dataclass
class StockLevel:
    """One stock row as seen after its lock: what is there, sold, and held (by others / by this checkout)."""

    pk: int
    variant_id: int
    quantity: int
    allocated: int
    held_by_others: int
    held_by_checkout: int

    @property
    def free(self) -> int:
        return max(0, self.quantity - self.allocated - self.held_by_others)


# --- locking and counting -----------------------------------------------------------------------------

def _lock_query(variant_ids: Iterable[int] | None, *, channel_id: int | None = None,
                stock_ids: Iterable[int] | None = None) -> QuerySet:
    rows = Stock.objects.select_for_update(of=("self",)).order_by("pk")
    if stock_ids is not None:
        rows = rows.filter(pk__in=list(stock_ids))
    else:
        rows = rows.filter(product_variant_id__in=list(variant_ids))
        if channel_id is not None:
            rows = rows.filter(warehouse__channels=channel_id)
    return rows.values_list("pk", flat=True)


def _levels_query(stock_ids: Sequence[int], checkout_id: Any, now: datetime) -> QuerySet:
    return (Stock.objects.filter(pk__in=stock_ids).order_by("pk")
            .annotate(others=held_units(now, exclude_checkout=checkout_id),
                      mine=held_units(now, only_checkout=checkout_id) if checkout_id is not None else Value(0))
            .values_list("pk", "product_variant_id", "quantity", "quantity_allocated", "others", "mine"))


# A checkout's reserve and allocate run these statements at every step: compiled once (core/prepared.py).
_LOCK_IN_CHANNEL = PreparedQuery(Stock, lambda ids, channel: _lock_query(ids, channel_id=channel), INTS_ARG, INT_ARG)
_LEVELS_OF_CHECKOUT = PreparedQuery(Stock, _levels_query, INTS_ARG, UUID_ARG, TIME_ARG)
_LEVELS = PreparedQuery(Stock, lambda ids, now: _levels_query(ids, None, now), INTS_ARG, TIME_ARG)


def _lock(variant_ids: Iterable[int], *, channel_id: int | None = None, stock_ids: Iterable[int] | None = None,
          ) -> list[int]:
    """Lock the stock rows of these variants (in the warehouses serving `channel_id`), or these rows, in
    primary-key order; their ids, in that order."""
    if stock_ids is None and channel_id is not None:
        return [pk for (pk,) in _LOCK_IN_CHANNEL.rows(sorted(variant_ids), channel_id)]
    return list(_lock_query(variant_ids, channel_id=channel_id, stock_ids=stock_ids))


def _levels(stock_ids: Sequence[int], checkout_id: Any = None, now: datetime | None = None) -> list[StockLevel]:
    """The locked rows' levels, read by a statement of its own (a fresh READ COMMITTED snapshot, taken after
    the locks were granted), in primary-key order."""
    if not stock_ids:
        return []
    now = now or timezone.now()
    if isinstance(checkout_id, uuid.UUID):
        rows = _LEVELS_OF_CHECKOUT.rows(stock_ids, checkout_id, now)
    elif checkout_id is None:
        rows = _LEVELS.rows(stock_ids, now)
    else:
        rows = _levels_query(stock_ids, checkout_id, now)
    return [StockLevel(*row) for row in rows]


def _tracked(lines: Iterable[Demand]) -> list[Demand]:
    return [line for line in lines if line.quantity and line.variant.track_inventory]


def _bump_availability() -> None:
    """Cached catalog answers show availability: retire them when this transaction commits."""
    transaction.on_commit(bump_catalog_version)


# --- checkout holds -----------------------------------------------------------------------------------

def reserve(checkout_id: Any, lines: Sequence[Demand], *, channel_id: int, seconds: int | None = None,
            fresh: bool = False) -> None:
    """Hold units for checkout `lines` (their previous holds are replaced; `fresh`: lines created in the
    caller's transaction, which have none) until now + `seconds` (CHECKOUT_RESERVATION_SECONDS by default).
    With 0 seconds nothing is held, but the units must still be free. Raises InsufficientStock, listing every
    line that cannot be covered; nothing is then written."""
    # Within the caller's transaction without a savepoint of its own (two statements fewer per call): nothing
    # is written before the last check, and InsufficientStock leaves the block first, so a caller that catches
    # it keeps a usable transaction.
    with transaction.atomic(savepoint=False):
        shortages = _reserve(checkout_id, lines, channel_id=channel_id, fresh=fresh,
                             seconds=settings.CHECKOUT_RESERVATION_SECONDS if seconds is None else seconds)
    if shortages:
        raise InsufficientStock(shortages)


def _reserve(checkout_id: Any, lines: Sequence[Demand], *, channel_id: int, seconds: int, fresh: bool,
             ) -> list[Shortage]:
    tracked = _tracked(lines)
    if not tracked:
        return []
    now = timezone.now()
    levels = _levels(_lock({line.variant_id for line in tracked}, channel_id=channel_id), checkout_id, now)
    was_free = {level.variant_id for level in levels if level.free}
    until = now + timedelta(seconds=seconds)
    holds, shortages = [], []
    for line in tracked:
        needed = line.quantity
        for level in levels:
            if level.variant_id != line.variant_id or not needed:
                continue
            take = min(needed, level.free)
            if take:
                level.held_by_others += take  # what the next line of the same variant can no longer take
                holds.append(Reservation(checkout_line_id=line.pk, stock_id=level.pk, quantity_reserved=take,
                                         reserved_until=until))
                needed -= take
        if needed:
            shortages.append(Shortage(line, line.quantity, line.quantity - needed))
    if shortages:
        return shortages
    if not fresh:  # the lines' own holds do not count against them (_levels): replaced only now
        Reservation.objects.filter(checkout_line_id__in=[line.pk for line in tracked]).delete()
    if seconds > 0:
        Reservation.objects.bulk_create(holds)
        if any(level.variant_id in was_free and not level.free for level in levels):
            _bump_availability()  # a piece now shows as held
    return []


def release(*, checkout_id: Any = None, line_ids: Iterable[Any] | None = None) -> int:
    """Drop the holds of a checkout (or of some of its lines). Deleting a hold needs no stock lock: it only
    frees units. Returns the number of holds dropped."""
    holds = Reservation.objects.all()
    if checkout_id is not None:
        holds = holds.filter(checkout_line__checkout_id=checkout_id)
    if line_ids is not None:
        holds = holds.filter(checkout_line_id__in=list(line_ids))
    if checkout_id is None and line_ids is None:
        raise ValueError("release() needs a checkout or lines")
    deleted, _ = holds.delete()
    if deleted:
        _bump_availability()
    return deleted


def delete_expired_reservations(now: datetime | None = None) -> int:
    """Housekeeping only: expired holds are already ignored by every count."""
    deleted, _ = Reservation.objects.filter(reserved_until__lte=now or timezone.now()).delete()
    return deleted


# --- orders -------------------------------------------------------------------------------------------

def allocate(order_lines: Sequence[Demand], *, channel_id: int, checkout_id: Any = None) -> list[Allocation]:
    """Take units for `order_lines` (saved, their variants loaded) from the warehouses serving `channel_id`:
    first where `checkout_id` holds them, then any free unit. The checkout's holds are consumed. Raises
    InsufficientStock (every short line) and writes nothing then."""
    with transaction.atomic(savepoint=False):  # as reserve: no savepoint, the shortage raised outside
        created, shortages = _allocate(order_lines, channel_id=channel_id, checkout_id=checkout_id)
    if shortages:
        raise InsufficientStock(shortages)
    return created


def _allocate(order_lines: Sequence[Demand], *, channel_id: int, checkout_id: Any,
              ) -> tuple[list[Allocation], list[Shortage]]:
    tracked = _tracked(order_lines)
    if not tracked:
        if checkout_id is not None:
            Reservation.objects.filter(checkout_line__checkout_id=checkout_id).delete()
        return [], []
    levels = _levels(_lock({line.variant_id for line in tracked}, channel_id=channel_id), checkout_id)
    allocations, shortages = [], []
    for line in tracked:
        needed = line.quantity
        # Where this checkout holds units first, then the other rows in primary-key order.
        for level in sorted((lv for lv in levels if lv.variant_id == line.variant_id),
                            key=lambda lv: (not lv.held_by_checkout, lv.pk)):
            take = min(needed, level.free)
            if take:
                level.allocated += take
                allocations.append(Allocation(order_line_id=line.pk, stock_id=level.pk, quantity_allocated=take))
                needed -= take
            if not needed:
                break
        if needed:
            shortages.append(Shortage(line, line.quantity, line.quantity - needed))
    if shortages:
        return [], shortages
    if checkout_id is not None:
        _drop_holds_of_checkout(checkout_id)
    touched = {a.stock_id for a in allocations}
    _set_allocated({level.pk: level.allocated for level in levels if level.pk in touched})
    created = Allocation.objects.bulk_create(allocations)
    if created:
        _bump_availability()  # a sold unique piece
    return created, []


# A checkout's completion writes these at every order: fixed statements, as create_stocks (the ORM's delete
# through a join and its CASE-per-row bulk update cost more CPU to build than PostgreSQL to run).
def _drop_holds_of_checkout(checkout_id: Any) -> None:
    """Reservation.objects.filter(checkout_line__checkout_id=checkout_id).delete(), in one statement."""
    line_field = Reservation._meta.get_field("checkout_line")
    line_meta = line_field.related_model._meta
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {qn(Reservation._meta.db_table)} r USING {qn(line_meta.db_table)} l "
                       f"WHERE r.{qn(line_field.column)} = l.{qn(line_meta.pk.column)} "
                       f"AND l.{qn(line_meta.get_field('checkout').column)} = %s", [checkout_id])


def _set_allocated(allocated: dict[int, int]) -> None:
    """Each locked stock row's new quantity_allocated (stock id -> units), in one statement."""
    if not allocated:
        return
    qn = connection.ops.quote_name
    table = qn(Stock._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET {qn('quantity_allocated')} = v.q FROM unnest(%s::bigint[], "
                       f"%s::integer[]) AS v(id, q) WHERE {table}.{qn('id')} = v.id",
                       [list(allocated), list(allocated.values())])


@transaction.atomic
def allocate_up_to(order_lines: Sequence[Demand], *, channel_id: int) -> dict[Any, int]:
    """Take for each line as many of its units as are free in the warehouses serving `channel_id`, never
    more: a trade line beyond stock is made to order for its remainder. Units taken per line pk (a variant
    that does not track inventory: the whole line). Never raises InsufficientStock."""
    taken = {line.pk: 0 if line.variant.track_inventory else line.quantity for line in order_lines}
    tracked = _tracked(order_lines)
    if not tracked:
        return taken
    levels = _levels(_lock({line.variant_id for line in tracked}, channel_id=channel_id))
    allocations = []
    for line in tracked:
        needed = line.quantity
        for level in (lv for lv in levels if lv.variant_id == line.variant_id):
            take = min(needed, level.free)
            if take:
                level.allocated += take
                allocations.append(Allocation(order_line_id=line.pk, stock_id=level.pk, quantity_allocated=take))
                needed -= take
        taken[line.pk] = line.quantity - needed
    touched = {a.stock_id for a in allocations}
    Stock.objects.bulk_update([Stock(pk=level.pk, quantity_allocated=level.allocated) for level in levels
                               if level.pk in touched], ["quantity_allocated"])
    if Allocation.objects.bulk_create(allocations):
        _bump_availability()
    return taken


@transaction.atomic
def deallocate(order_line_ids: Iterable[int]) -> int:
    """Give back the units allocated to these order lines (an order canceled before shipping). Returns the
    number of units freed."""
    allocations = list(Allocation.objects.filter(order_line_id__in=list(order_line_ids))
                       .values_list("pk", "stock_id", "quantity_allocated"))
    if not allocations:
        return 0
    _lock((), stock_ids={stock_id for _, stock_id, _ in allocations})
    freed: dict[int, int] = {}
    for _, stock_id, quantity in allocations:
        freed[stock_id] = freed.get(stock_id, 0) + quantity
    for stock_id, quantity in sorted(freed.items()):
        Stock.objects.filter(pk=stock_id).update(quantity_allocated=F("quantity_allocated") - quantity)
    Allocation.objects.filter(pk__in=[pk for pk, _, _ in allocations]).delete()
    _bump_availability()
    return sum(freed.values())


# --- quantities ---------------------------------------------------------------------------------------

@transaction.atomic
def set_quantity(warehouse_id: int, variant_id: int, quantity: int) -> Stock:
    """Set how many units of a variant a warehouse has. Refuses (BelowAllocated) to go below the units
    sold and waiting to ship; when the new quantity no longer covers every hold, the newest holds are cut
    so that every remaining hold can still become an order."""
    if quantity < 0:
        raise ValueError("a quantity cannot be negative")
    stock, _ = Stock.objects.get_or_create(warehouse_id=warehouse_id, product_variant_id=variant_id)
    _lock((), stock_ids=[stock.pk])
    level = _levels([stock.pk])[0]
    if quantity < level.allocated:
        raise BelowAllocated(level.allocated)
    Stock.objects.filter(pk=stock.pk).update(quantity=quantity)
    excess = level.allocated + level.held_by_others - quantity
    if excess > 0:
        _trim_holds(stock.pk, excess)
    _bump_availability()
    stock.quantity, stock.quantity_allocated = quantity, level.allocated
    return stock


def _trim_holds(stock_id: int, excess: int) -> None:
    """Cut `excess` held units of a locked stock row, newest holds first."""
    for hold in Reservation.objects.filter(stock_id=stock_id, reserved_until__gt=timezone.now()).order_by("-pk"):
        if excess <= 0:
            break
        if hold.quantity_reserved <= excess:
            excess -= hold.quantity_reserved
            hold.delete()
        else:
            Reservation.objects.filter(pk=hold.pk).update(quantity_reserved=hold.quantity_reserved - excess)
            excess = 0


def create_stocks(rows: Sequence[tuple[int, int, int]]) -> None:
    """The first stock rows, (warehouse id, variant id, quantity), of variants created in the caller's
    transaction: nobody can hold or allocate them yet, so no lock. One INSERT whatever the number of rows
    (a bulk import sends thousands)."""
    if not rows:
        return
    warehouses, variants, quantities = (list(column) for column in zip(*rows, strict=True))
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO inventory_stock (warehouse_id, product_variant_id, quantity, quantity_allocated) "
                       "SELECT w, v, q, 0 FROM unnest(%s::bigint[], %s::bigint[], %s::integer[]) AS t(w, v, q)",
                       [warehouses, variants, quantities])
