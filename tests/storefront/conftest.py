"""HTTP-level storefront tests: a requests session against the storefront subprocess (tests/conftest.py)."""

from __future__ import annotations

import re

import pytest
import requests
from committed import in_thread


class Storefront:
    def __init__(self, base: str):
        self.base = base
        self.http = requests.Session()

    def get(self, path: str, **kwargs) -> requests.Response:
        kwargs.setdefault("allow_redirects", False)
        response = self.http.get(self.base + path, timeout=30, **kwargs)
        assert response.status_code < 500, (path, response.status_code, response.text[:1000])
        return response

    def page(self, path: str, **kwargs) -> str:
        response = self.get(path, **kwargs)
        assert response.status_code == 200, (path, response.status_code, response.headers.get("Location"))
        return response.text

    def post(self, path: str, data: dict, **kwargs) -> requests.Response:
        """A form post with the CSRF token of the form's page (as a browser would)."""
        form_page = kwargs.pop("form_page", path)
        html = self.page(form_page)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        response = self.http.post(self.base + path, data={"csrfmiddlewaretoken": token, **data},
                                  headers={"Referer": self.base + form_page}, allow_redirects=False, timeout=30)
        assert response.status_code < 500, (path, response.status_code, response.text[:1000])
        return response


@pytest.fixture
def shop(storefront_url) -> Storefront:
    return Storefront(storefront_url)


@pytest.fixture
def new_shop(storefront_url):
    """Another visitor (own cookies)."""
    return lambda: Storefront(storefront_url)


# --- the artisan space (test_atelier*.py) --------------------------------------------------------------

@pytest.fixture
def artisans():
    """Two verified demo artisans with a workshop: A (the one `committed_piece` sells) and B."""
    from demo.data import DEMO_ARTISAN_PASSWORD
    from marketplace.artisans.models import Artisan

    found = list(Artisan.objects.filter(verification_status="VERIFIED", warehouse__isnull=False).order_by("pk"))
    first_with_warehouse = Artisan.objects.filter(warehouse__isnull=False).order_by("pk").first()
    a = first_with_warehouse
    b = next(x for x in reversed(found) if x.pk != a.pk)

    def member(artisan):
        return artisan.memberships.select_related("user").first().user.email, DEMO_ARTISAN_PASSWORD

    return {"a": a, "b": b, "a_login": member(a), "b_login": member(b)}


@pytest.fixture
def cleanup_products(api_server):
    """Products the test lists through the space are committed by the API: remove them afterwards."""
    from django.utils import timezone

    started = timezone.now()
    yield

    def work():
        from marketplace.catalog.models import Product

        Product.objects.filter(created_at__gte=started, metadata__has_key="atelierStep").delete()
        Product.objects.filter(created_at__gte=started, slug__startswith="atelier-test-").delete()

    in_thread(work)
