"""Small server-rendered SVG charts (no chart library, no script): horizontal bars and a line over months.

Every chart has a <title> and a <desc>, every bar or point its own <title> and a text label with its value,
and a `data-value` with the exact figure (the page also lists the figures in a table)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

WIDTH = 360  # the viewBox scales to the column: one user unit is about one CSS pixel on a phone


@dataclass(frozen=True)
class Point:
    label: str
    value: float
    text: str  # the value as the page writes it ("12 500 MAD", "42 %")
    exact: str = ""  # the API's figure, kept in data-value


def _frame(chart_id: str, title: str, desc: str, height: int, body: SafeString, css: str) -> SafeString:
    return format_html(
        '<svg class="chart {}" id="{}" viewBox="0 0 {} {}" width="100%" role="img" aria-labelledby="{}-t {}-d" '
        'xmlns="http://www.w3.org/2000/svg"><title id="{}-t">{}</title><desc id="{}-d">{}</desc>{}</svg>',
        css, chart_id, WIDTH, height, chart_id, chart_id, chart_id, title, chart_id, desc, body)


def bar_chart(chart_id: str, title: str, desc: str, points: list[Point], *, rtl: bool = False,
              css: str = "") -> SafeString:
    """One labelled bar per row (label above, value after the bar): readable at 360 px, flipped in Arabic."""
    row, top, usable = 44, 6, WIDTH - 96
    top_value = max((p.value for p in points), default=0) or 1
    rows = []
    for i, p in enumerate(points):
        y = top + i * row
        width = max(1.0, usable * p.value / top_value) if p.value > 0 else 0.0
        if rtl:
            bar_x, label_x, anchor, value_x = WIDTH - width, WIDTH, "end", WIDTH - width - 6
        else:
            bar_x, label_x, anchor, value_x = 0.0, 0, "start", width + 6
        rows.append(format_html(
            '<g class="row"><text class="label" x="{}" y="{}" text-anchor="{}">{}</text>'
            '<rect class="bar" x="{}" y="{}" width="{}" height="16" rx="2" data-label="{}" data-value="{}">'
            '<title>{}: {}</title></rect>'
            '<text class="value" x="{}" y="{}" text-anchor="{}">{}</text></g>',
            label_x, y + 14, anchor, p.label, f"{bar_x:.1f}", y + 20, f"{width:.1f}", p.label, p.exact or p.value,
            p.label, p.text, f"{value_x:.1f}", y + 33, anchor, p.text))
    height = top + max(1, len(points)) * row
    return _frame(chart_id, title, desc, height, mark_safe("".join(rows)), f"bars {css}".strip())


def line_chart(chart_id: str, title: str, desc: str, series: list[tuple[str, str, list[Point]]]) -> SafeString:
    """Lines over the same labels (months): series = [(name, css class, points)], with a legend,
    y-axis gridlines with values and a label on each point (up to 6 points)."""
    left, right, top, bottom, height = 8, 8, 44, 34, 236
    labels = [p.label for p in series[0][2]] if series else []
    n = len(labels)
    top_value = max((p.value for _, _, pts in series for p in pts), default=0)
    scale_top = _nice(top_value)
    plot_w, plot_h = WIDTH - left - right, height - top - bottom

    def x_of(i: int) -> float:
        return left + (plot_w / 2 if n == 1 else 28 + (plot_w - 56) * i / (n - 1))

    def y_of(v: float) -> float:
        return top + plot_h - (plot_h * v / scale_top if scale_top else 0)

    parts = [format_html('<line class="axis" x1="{}" y1="{}" x2="{}" y2="{}"/>', left, top + plot_h,
                         WIDTH - right, top + plot_h)]
    for k in (1, 2):  # two gridlines with their value: enough to read the scale on a phone
        v = scale_top * k / 2
        parts.append(format_html('<line class="grid" x1="{}" y1="{}" x2="{}" y2="{}"/>'
                                 '<text class="tick" x="{}" y="{}">{}</text>', left, _f(y_of(v)), WIDTH - right,
                                 _f(y_of(v)), left, _f(y_of(v) - 3), _short(v)))
    step = max(1, math.ceil(n / 6))
    for i, label in enumerate(labels):
        if i % step == 0:
            parts.append(format_html('<text class="month" x="{}" y="{}" text-anchor="middle">{}</text>',
                                     _f(x_of(i)), height - 12, label))
    for s_index, (name, css, points) in enumerate(series):
        coords = " ".join(f"{x_of(i):.1f},{y_of(p.value):.1f}" for i, p in enumerate(points))
        if len(points) > 1:
            parts.append(format_html('<polyline class="line {}" points="{}"/>', css, coords))
        for i, p in enumerate(points):
            parts.append(format_html(
                '<circle class="dot {}" cx="{}" cy="{}" r="4" data-label="{}" data-value="{}">'
                '<title>{} · {}: {}</title></circle>', css, _f(x_of(i)), _f(y_of(p.value)), p.label, p.exact or p.value,
                name, p.label, p.text))
            if n <= 6 and s_index == 0:
                parts.append(format_html('<text class="value" x="{}" y="{}" text-anchor="middle">{}</text>',
                                         _f(x_of(i)), _f(y_of(p.value) - 8), _short(p.value)))
        parts.append(format_html('<g class="legend"><rect class="key {}" x="{}" y="6" width="12" height="12"/>'
                                 '<text x="{}" y="16">{}</text></g>', css, left + s_index * 150,
                                 left + s_index * 150 + 16, name))
    return _frame(chart_id, title, desc, height, format_html_join("", "{}", ((p,) for p in parts)), "lines")


def _f(value: float) -> str:
    return f"{value:.1f}"


def _nice(value: float) -> float:
    """The axis top: the next 1, 2 or 5 × 10^k above the largest value."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for m in (1, 2, 5, 10):
        if value <= m * power:
            return float(m * power)
    return float(10 * power)


def _short(value: float) -> str:
    """Compact axis and point labels: 1.2k, 3.4M (digits are Latin in every language of the site)."""
    for limit, suffix in ((1e6, "M"), (1e3, "k")):
        if abs(value) >= limit:
            text = f"{value / limit:.1f}".rstrip("0").rstrip(".")
            return f"{text}{suffix}"
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"
