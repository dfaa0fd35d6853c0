"""A short GraphQL fuzz run (schemathesis) against the API served over real HTTP: every query and mutation
of the committed schema, as an anonymous visitor and a buyer (and, for queries only, a member, a curator
and an admin, so the shared demo catalog is not rewritten): no 5xx, no INTERNAL_ERROR, nothing logged as
an unhandled error. The long run is bench/fuzz_graphql.py."""

from __future__ import annotations

import logging
import threading
from typing import Any

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.django_db]
EXAMPLES = 2  # per operation and role: about 550 cases


@pytest.fixture
def fuzz_leftovers(django_db_blocker):
    """What fuzzed mutations may create on the session's demo data (checkouts holding stock, accounts,
    addresses) is removed afterwards."""
    from django.db import connection
    from django.db.models import Max
    from django.utils import timezone

    from marketplace.accounts.models import Address, User
    from marketplace.checkout.models import Checkout

    def committed(work) -> Any:
        # A thread has its own autocommit connection: outside the test's transaction, like the API's.
        out: dict = {}

        def run() -> None:
            try:
                out["value"] = work()
            finally:
                connection.close()

        with django_db_blocker.unblock():
            thread = threading.Thread(target=run)
            thread.start()
            thread.join()
        return out.get("value")

    started = timezone.now()
    last_user, last_address = committed(lambda: (User.objects.aggregate(m=Max("pk"))["m"] or 0,
                                                 Address.objects.aggregate(m=Max("pk"))["m"] or 0))
    yield

    def cleanup() -> None:
        Checkout.objects.filter(created__gte=started).delete()
        User.objects.filter(pk__gt=last_user).delete()
        Address.objects.filter(pk__gt=last_address).delete()

    committed(cleanup)


def test_fuzzing_every_operation_finds_no_server_error(api_server, fuzzer, stack, fuzz_leftovers, caplog,
                                                       django_db_blocker):
    from demo.data import DEMO_ARTISAN_PASSWORD

    with django_db_blocker.unblock():
        real_ids = fuzzer.sample_ids(limit=2)
        from marketplace.artisans.models import ArtisanMember

        member = ArtisanMember.objects.select_related("user").order_by("pk").first().user.email
    url = api_server.url
    tokens = {"anonymous": None, "buyer": stack.sign_in(url, *stack.DEMO_LOGINS["buyer"]),
              "member": stack.sign_in(url, member, DEMO_ARTISAN_PASSWORD),
              "curator": stack.sign_in(url, *stack.DEMO_LOGINS["curator"]),
              "admin": stack.sign_in(url, *stack.DEMO_LOGINS["admin"])}
    caplog.set_level(logging.ERROR)
    report = fuzzer.fuzz(url, tokens, examples=EXAMPLES, real_ids=real_ids,
                         skip_mutations_for={"member", "curator", "admin"})
    unhandled = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert report.operations >= 80
    assert report.cases >= 300
    assert report.server_errors == 0, report.summary()
    assert report.failures == [], report.summary()
    assert unhandled == [], [r.getMessage() + str(r.exc_info and r.exc_info[1]) for r in unhandled]


def test_the_hostile_corpus_gets_client_errors_only(api_server, stack, caplog, django_db_blocker):
    """Fragment bombs, nesting, numeric overflow, malformed cursors, wrong request shapes, over-long texts and
    a body over the cap (bench/fuzz_corpus.py): JSON errors with a code, no 5xx, nothing logged as an error,
    and the N = 30 fragment bomb refused as fast as N = 18 (linear work, not exponential)."""
    import fuzz_corpus

    from demo.data import DEMO_ARTISAN_PASSWORD

    with django_db_blocker.unblock():
        from marketplace.artisans.models import ArtisanMember

        member = ArtisanMember.objects.select_related("user").order_by("pk").first().user.email
        targets = fuzz_corpus.member_targets(member)
    url = api_server.url
    tokens = {"anonymous": None, "member": stack.sign_in(url, member, DEMO_ARTISAN_PASSWORD)}
    caplog.set_level(logging.ERROR)
    report = fuzz_corpus.run(url, tokens, targets)
    unhandled = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert report.cases >= 35
    assert report.failures == [], report.summary()
    assert unhandled == [], [r.getMessage() for r in unhandled]
    print(report.summary())
