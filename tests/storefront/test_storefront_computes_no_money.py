"""The shop shows money the API computed and computes none (issue 19): no sum of a cart, no currency
conversion, no tax estimate in `storefront/shop` or `storefront/core`. Read from the code (the AST), so
a total added up in a view fails here before it can drift from the API's. The storefront talks to the API
only through GraphQL: no module imports the API's code (settings.py alone names the shared cache backend
and error reporting). The behaviour side is test_storefront_money_from_api.py."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

STOREFRONT = Path(__file__).resolve().parents[2] / "storefront"
NO_MONEY_ARITHMETIC = ("shop", "core")
# Decimal is for parsing input only, where a module imports it at all.
MAY_IMPORT_DECIMAL = {
    "shop/listing.py": "parses the price filter the buyer typed (a number, checked, then sent to the API)",
    "core/templatetags/sf.py": "formats the API's amounts for display (no arithmetic)",
}
MONEY_WORDS = ("amount", "price", "total", "rate", "vat", "tax")
ARITHMETIC = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow)


def _names(node: ast.AST) -> set[str]:
    """The identifiers and string keys an expression reads (`price["amount"]` → {"price", "amount"})."""
    found = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name):
            found.add(sub.id.lower())
        elif isinstance(sub, ast.Attribute):
            found.add(sub.attr.lower())
        elif isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            found.add(sub.value.lower())
    return found


def _is_money(node: ast.AST) -> bool:
    names = _names(node)
    return "decimal" in names or any(word in name for name in names for word in MONEY_WORDS)


def _computes_money(node: ast.AST) -> bool:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ARITHMETIC):
        return _is_money(node.left) or _is_money(node.right)
    if isinstance(node, ast.AugAssign) and isinstance(node.op, ARITHMETIC):
        return _is_money(node.target) or _is_money(node.value)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "sum":
        return any(_is_money(arg) for arg in node.args)
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "quantize"


def money_arithmetic(source: str) -> list[str]:
    """Lines that compute with money: arithmetic, `sum()` or rounding over something that names an amount,
    price, total, rate or tax, or a Decimal."""
    return [f"line {node.lineno}: {ast.unparse(node)}" for node in ast.walk(ast.parse(source)) if _computes_money(node)]


def imported_modules(source: str) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(source)):  # lazy imports inside functions included
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module)
    return modules


def _modules(*folders: str) -> list[Path]:
    return sorted(path for folder in folders for path in (STOREFRONT / folder).rglob("*.py"))


@pytest.mark.parametrize("path", _modules(*NO_MONEY_ARITHMETIC), ids=lambda p: str(p.relative_to(STOREFRONT)))
def test_the_shop_computes_no_money(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert money_arithmetic(source) == [], "show the API's amount (cartPricing, indicativePriceRange, ...)"
    name = str(path.relative_to(STOREFRONT))
    if name not in MAY_IMPORT_DECIMAL:
        assert not any(module == "decimal" for module in imported_modules(source)), \
            f"{name} imports decimal: amounts come computed from the API"


def test_no_storefront_module_imports_the_api() -> None:
    offenders = [str(path.relative_to(STOREFRONT)) for path in _modules(".")
                 if path.name != "settings.py" or path.parent != STOREFRONT
                 if any(m == "marketplace" or m.startswith("marketplace.")
                        for m in imported_modules(path.read_text(encoding="utf-8")))]
    assert offenders == [], "the storefront talks to the API through GraphQL only"


OLD_CART = '''
def view_cart(request):
    lines = priced_lines(request, _cart(request))
    totals = [line["total"] for line in lines if line["total"]]
    total = {"amount": sum((t["amount"] for t in totals), Decimal(0)), "currency": totals[0]["currency"]}
    line_total = {"amount": Decimal(str(price["amount"])) * line["quantity"], "currency": price["currency"]}
'''
OLD_CONVERSION = '''
def approximate(price, currency):
    rates = mk.approximate_rates()
    return {"amount": (Decimal(str(price["amount"])) * rates[currency]).quantize(Decimal("1"))}
'''
OLD_DUTIES = '''
from marketplace.taxes.import_vat import import_vat_estimate
def duties_estimate(country, checkout):
    total = checkout["totalPrice"]["gross"]
    value = Decimal(str(total["amount"])) * Decimal(str(IMPORT_VAT[country])) / 100
    vat = 0
    vat += total["amount"]
'''
NOT_MONEY = '''
def counts(carts, params):
    per_market = {slug: sum(line["quantity"] for line in lines.values()) for slug, lines in carts.items()}
    active = sum(1 for key in ("craft", "min", "max") if params.get(key))
    page = offset + 24
    return f"{prefix}/cart/", per_market, active, page
'''


def test_the_checks_catch_what_the_shop_used_to_compute() -> None:
    """Self-check: the code this test replaced (cart sums, the tourist conversion, the duties estimate) fails."""
    assert len(money_arithmetic(OLD_CART)) == 2
    assert len(money_arithmetic(OLD_CONVERSION)) == 2  # the product and the rounding
    assert len(money_arithmetic(OLD_DUTIES)) == 3
    assert "marketplace.taxes.import_vat" in imported_modules(OLD_DUTIES)
    assert money_arithmetic(NOT_MONEY) == []  # counting pieces, filters and pages is not money
