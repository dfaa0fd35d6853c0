"""Numbers as Moroccan and French spreadsheets write them, read without guessing.

Rules (the value that stays ambiguous is refused, never guessed):
- a space (also no-break and thin spaces, the Arabic thousands separator) only groups thousands;
- with both `.` and `,`, the last one is the decimal separator and the other groups thousands
  ("1.200,50" and "1,200.50" are 1200.50);
- a single `.` before exactly three digits groups thousands, as in Moroccan and French usage
  ("1.200 DH" is 1200), unless the integer part is 0 ("0.500" is 0.5); otherwise it is the decimal point;
- a single `,` is the decimal comma ("1,5"), but before exactly three digits it may be either
  ("1,200": 1.2 in French, 1200 in English): refused as ambiguous, unless the integer part is 0;
- Arabic-Indic digits ("١٢٠٠"), the Arabic decimal separator and a currency ("DH", "dhs", "MAD", "درهم",
  "د.م.", "€", "EUR", "$", "USD"), before or after the number, are understood.

Cells that already hold a number (XLSX numeric cells, JSON numbers) arrive as `NumberText`: their value is
taken as it is, with no text rule at all ("1.234" from a numeric cell is 1.234).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from catalog_import.text import ascii_digits


class NumberText(str):
    """The text of a cell that held a number: compares as text, keeps its exact value."""

    number: Decimal

    def __new__(cls, value: float | int | Decimal) -> NumberText:
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        text = f"{number.normalize():f}" if number == number.to_integral_value() else f"{number:f}"
        instance = super().__new__(cls, text)
        instance.number = number
        return instance


CURRENCIES = [  # (pattern, ISO code); matched whole, before or after the number
    (r"mad|dhs?|dirhams?|درهم|دراهم|د\.?\s?م\.?", "MAD"),
    (r"€|eur|euros?", "EUR"),
    (r"us\$|\$|usd", "USD"),
]
_CURRENCY = "|".join(f"(?:{p})" for p, _ in CURRENCIES)
_AROUND = re.compile(rf"^\s*(?P<pre>{_CURRENCY})?\s*(?P<body>.*?)\s*(?P<post>{_CURRENCY})?\s*$", re.I | re.S)
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u066c']+")  # ' groups thousands in Swiss usage
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+")
_SPACED = re.compile(r"(?P<integer>\d{1,3}(?:[\s\u00a0\u202f\u2009\u066c']+\d{3})+)(?:[.,\u066b](?P<decimals>\d+))?")


@dataclass(frozen=True)
class Parsed:
    value: Decimal | None  # None: not a number (see `problem`)
    currency: str | None = None  # "MAD", "EUR" or "USD" when the cell names one
    problem: str | None = None  # NOT_A_NUMBER or AMBIGUOUS_NUMBER


def _currency(text: str | None) -> str | None:
    if not text:
        return None
    for pattern, code in CURRENCIES:
        if re.fullmatch(pattern, text.strip(), re.I):
            return code
    return None


def _groups_ok(integer: str, separator: str) -> bool:
    return bool(re.fullmatch(rf"\d{{1,3}}(?:{re.escape(separator)}\d{{3}})+", integer))


def _plain(body: str) -> tuple[str | None, str | None]:
    """(canonical decimal text, problem) for the digits and separators of a number without its sign."""
    if _SPACES.search(body):  # spaces group thousands; a `.` or `,` after the last group is the decimal one
        match = _SPACED.fullmatch(body)
        if not match:
            return None, "NOT_A_NUMBER"
        integer = re.sub(r"\D", "", match.group("integer"))
        return integer + ("." + match.group("decimals") if match.group("decimals") else ""), None
    if "\u066b" in body:  # the Arabic decimal separator is never ambiguous
        integer, _, decimals = body.partition("\u066b")
        if not re.fullmatch(r"\d+", decimals) or not (re.fullmatch(r"\d+", integer) or _GROUPED.fullmatch(integer)):
            return None, "NOT_A_NUMBER"
        return re.sub(r"[.,]", "", integer) + "." + decimals, None
    if not re.fullmatch(r"\d[\d.,]*\d|\d", body):
        return None, "NOT_A_NUMBER"
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        decimal_sep = "." if body.rfind(".") > body.rfind(",") else ","
        group_sep = "," if decimal_sep == "." else "."
        integer, _, decimals = body.rpartition(decimal_sep)
        if decimal_sep in integer or not _groups_ok(integer, group_sep):
            return None, "NOT_A_NUMBER"
        return integer.replace(group_sep, "") + "." + decimals, None
    separator = "." if dots else "," if commas else ""
    if not separator:
        return body, None
    if body.count(separator) > 1:  # "1.200.000": only thousands groups
        return (body.replace(separator, ""), None) if _groups_ok(body, separator) else (None, "NOT_A_NUMBER")
    integer, _, decimals = body.partition(separator)
    if len(decimals) != 3 or re.fullmatch(r"0+", integer) or len(integer) > 3:
        return integer + "." + decimals, None  # "1,5", "12.50", "0,500", "1200.500": a decimal separator
    if separator == ".":
        return integer + decimals, None  # "1.200": thousands, as Moroccan and French prices are written
    return None, "AMBIGUOUS_NUMBER"  # "1,200": 1.2 or 1200


def parse_number(raw: object) -> Parsed:
    if isinstance(raw, NumberText):
        return Parsed(raw.number)
    text = ascii_digits(str(raw or "")).strip()
    match = _AROUND.match(text)
    if not match or not match.group("body"):
        return Parsed(None, problem="NOT_A_NUMBER")
    pre, post = _currency(match.group("pre")), _currency(match.group("post"))
    if pre and post and pre != post:
        return Parsed(None, problem="NOT_A_NUMBER")
    body = match.group("body").replace("\u2212", "-")
    sign = ""
    if body[:1] in "+-":
        sign, body = ("-" if body[0] == "-" else ""), body[1:].lstrip()
    canonical, problem = _plain(body)
    if canonical is None:
        return Parsed(None, pre or post, problem)
    try:
        value = Decimal(sign + canonical)
    except InvalidOperation:
        return Parsed(None, pre or post, "NOT_A_NUMBER")
    if not value.is_finite():
        return Parsed(None, pre or post, "NOT_A_NUMBER")
    return Parsed(value, pre or post)


def parse_decimal(raw: object) -> Decimal | None:
    """The number, or None when it is not one or stays ambiguous."""
    return parse_number(raw).value
