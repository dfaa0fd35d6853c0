"""Fairs fixtures: a fair running today with a stand for a verified demo artisan, and that artisan's fresh
unique piece (stock 1, listed in every market)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from fair_helpers import FairWorld, make_fair, make_piece


@pytest.fixture
def fair_world(db) -> FairWorld:
    from django.utils import timezone

    from marketplace.artisans.models import Artisan

    artisans = list(Artisan.objects.filter(verification_status="VERIFIED", warehouse__isnull=False,
                                           memberships__isnull=False).distinct().order_by("pk")[:2])
    today = timezone.localdate()
    fair = make_fair(slug=f"expo-test-{uuid.uuid4().hex[:6]}", channels=["maroc", "touristes"],
                     starts=today - dt.timedelta(days=1), ends=today + dt.timedelta(days=2), commission="0.05",
                     artisans=artisans[:1])
    members = [a.memberships.select_related("user").first().user.email for a in artisans]
    return FairWorld(fair, artisans[0], artisans[1], members[0], members[1],
                     make_piece(artisans[0], name_ar="زربية فريدة"))
