"""The review rules a member's change is measured against, in one place so that the API can show them before
a change is saved (`ProductVariantChannelListing.reviewPriceRange`, `listingReviewPolicy`) and the services
apply exactly the same ones.

Prices, per channel. The baseline is the last price a curator approved (or set) in that channel, never the
previous price: steps of 19 % cannot add up to −35 % unseen. A member's price goes to review when it moves
away from the baseline by more than LISTING_REVIEW_PRICE_SHARE, or falls under a floor: the larger of
LISTING_REVIEW_PRICE_FLOOR_SHARE × the baseline and LISTING_REVIEW_MIN_PRICE_MAD (converted with the channel's
exchange rate for EUR and USD). Without a baseline (a listing never approved) only the minimum applies.

Texts: a member's change to the name, description or SEO texts of an approved product, in any language,
always waits for a curator; the approved texts stay public meanwhile (catalog/revisions.py). Photos: a
member's new, changed or removed photo sends the product back to review (media/services.py)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from django.conf import settings

CENT = Decimal("0.01")
REVIEWED_TEXTS = ("name", "description", "seoTitle", "seoDescription")


@dataclass(frozen=True)
class PriceRange:
    """Prices a member may set without review: from `low` to `high` (None: no upper bound)."""

    low: Decimal
    high: Decimal | None


def _share(name: str) -> Decimal:
    return Decimal(str(getattr(settings, name)))


def minimum_price(channel) -> Decimal:
    """LISTING_REVIEW_MIN_PRICE_MAD in the channel's currency (its MAD → currency rate, no margin)."""
    minimum = _share("LISTING_REVIEW_MIN_PRICE_MAD")
    if channel.currency_code != "MAD" and channel.price_rate is not None:
        minimum = minimum * channel.price_rate
    return minimum.quantize(CENT, rounding=ROUND_CEILING)


def price_range(baseline: Decimal | None, channel) -> PriceRange:
    floor = minimum_price(channel)
    if baseline is None or baseline <= 0:
        return PriceRange(floor, None)
    share = _share("LISTING_REVIEW_PRICE_SHARE")
    low = max(baseline * (1 - share), baseline * _share("LISTING_REVIEW_PRICE_FLOOR_SHARE"), floor)
    high = baseline * (1 + share)
    return PriceRange(low.quantize(CENT, rounding=ROUND_CEILING), high.quantize(CENT, rounding=ROUND_FLOOR))


def price_review_reason(baseline: Decimal | None, previous: Decimal | None, price: Decimal, channel) -> str | None:
    """Why this member's price needs a curator, or None when it is within the range. The reason has the
    form the curation pages translate: "Price changed from <approved, else previous, else 0> to <new> <CUR>"."""
    allowed = price_range(baseline, channel)
    if price >= allowed.low and (allowed.high is None or price <= allowed.high):
        return None
    old = baseline if baseline is not None else previous if previous is not None else Decimal("0")
    return f"Price changed from {old} to {price} {channel.currency_code}"
