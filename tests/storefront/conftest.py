"""HTTP-level storefront tests: a requests session against the storefront subprocess (tests/conftest.py)."""

from __future__ import annotations

import re

import pytest
import requests


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
