"""The review queue's reads: listings in review (or decided), filtered by artisan, craft, market, status and
request date, searched by name or SKU, oldest request first. Drafts (products in no market yet) are the
artisan's own until submitted, so they are never in the queue."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet

from marketplace.catalog.models import (
    Category,
    Product,
    ProductChannelListing,
    ProductTranslation,
    ProductVariant,
    ReviewStatus,
)


@dataclass(frozen=True)
class QueueFilter:
    artisan: int | None = None
    craft: int | None = None  # a category: the craft itself and its sub-crafts
    channel: str | None = None  # a market's slug
    status: str = ReviewStatus.PENDING
    requested_since: dt.datetime | None = None
    requested_until: dt.datetime | None = None
    search: str = ""

    @property
    def names_a_batch(self) -> bool:
        """A batch to approve at once is one artisan's listings (an importer's run), never the whole queue."""
        return self.artisan is not None


def _crafts(craft: int) -> list[int]:
    found, frontier = [craft], [craft]
    while frontier:
        frontier = list(Category.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        found += frontier
    return found


def review_queue(queue: QueueFilter) -> QuerySet:
    listed = ProductChannelListing.objects.filter(product=OuterRef("pk"))
    if queue.status == ReviewStatus.PENDING:
        # Listings waiting (hidden), and approved ones whose member proposed new texts (still public).
        waiting = Q(review_status=ReviewStatus.PENDING) | Q(revision__requested_at__isnull=False)
    else:
        waiting = Q(review_status=queue.status)
    products = Product.objects.filter(waiting, Exists(listed))
    if queue.artisan is not None:
        products = products.filter(artisan_id=queue.artisan)
    if queue.craft is not None:
        products = products.filter(category_id__in=_crafts(queue.craft))
    if queue.channel:
        products = products.filter(Exists(listed.filter(channel__slug=queue.channel)))
    if queue.requested_since:
        products = products.filter(review_requested_at__gte=queue.requested_since)
    if queue.requested_until:
        products = products.filter(review_requested_at__lt=queue.requested_until)
    words = queue.search.strip()
    if words:
        sku = ProductVariant.objects.filter(product=OuterRef("pk"), sku__iexact=words)
        translated = ProductTranslation.objects.filter(product=OuterRef("pk"), name__unaccent__icontains=words)
        products = products.filter(Q(name__unaccent__icontains=words) | Exists(translated) | Exists(sku))
    return products.defer("search_document", "search_vector")
