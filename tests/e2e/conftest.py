"""Browser tests: Playwright for Python driving Debian's Chromium (never a downloaded browser).

A page fails its test on any console error or any 5xx response; `accessible(page)` runs axe-core."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# Playwright's sync API keeps an event loop in the main thread; the tests' database work stays synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


@pytest.fixture(scope="session")
def browser(storefront_url):
    # The servers (and the demo database) first: Playwright's sync API runs an event loop in this thread,
    # and Django refuses database work from a thread with a running loop.
    os.environ["PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"] = "1"
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Debian's Chromium is missing at {CHROMIUM}: run `make browser` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


class PageProblems:
    def __init__(self):
        self.errors: list[str] = []

    def check(self) -> None:
        assert not self.errors, "browser errors:\n" + "\n".join(self.errors)


def _open(browser, base_url: str, request, **context_args):
    context = browser.new_context(base_url=base_url, **context_args)
    page = context.new_page()
    page.set_default_timeout(20_000)
    problems = PageProblems()
    page.on("console", lambda msg: msg.type == "error" and problems.errors.append(f"console: {msg.text}"))
    page.on("pageerror", lambda exc: problems.errors.append(f"page error: {exc}"))
    page.on("response", lambda r: r.status >= 400 and problems.errors.append(f"{r.status} {r.url}"))
    request.addfinalizer(context.close)
    return page, problems


@pytest.fixture
def page(browser, storefront_url, request):
    page, problems = _open(browser, storefront_url, request, viewport={"width": 1280, "height": 900})
    yield page
    problems.check()


@pytest.fixture
def phone(browser, storefront_url, request):
    page, problems = _open(browser, storefront_url, request, viewport={"width": 360, "height": 740},
                           device_scale_factor=2, is_mobile=True, has_touch=True)
    yield page
    problems.check()


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def accessible(axe):
    """Fail on serious or critical axe-core violations of the current page."""

    def check(page) -> None:
        results = axe.run(page)
        bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
        detail = [f"{v['id']} ({v['impact']}): {v['help']} → {[n['target'] for n in v['nodes'][:3]]}" for v in bad]
        assert not bad, f"axe violations on {page.url}:\n" + "\n".join(detail)

    return check


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
