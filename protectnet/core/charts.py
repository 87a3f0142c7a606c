"""Server-rendered SVG charts: they show in pages without JavaScript and inside PDFs alike.

Accessible by construction: role="img", a <title> and a <desc> that states every value, so a
screen reader hears the data; pages should still show the numbers in a table beside the chart.
Colours are the Okabe-Ito palette, distinguishable with colour-vision deficiencies.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
FONT = 'font-family="Noto Sans, sans-serif"'
LABEL_SIZE = 12  # in the chart's units: a chart scaled down to a phone draws it smaller


def _fmt(value: float, unit: str = "") -> str:
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return f"{text}{unit}"


def _svg(width: int, height: int, title: str, desc: str, body: list[str]) -> SafeString:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>"
    )
    return mark_safe(head + "".join(body) + "</svg>")  # noqa: S308 - every value is escaped above


def bar_chart(
    title: str,
    items: list[tuple[str, float]],
    *,
    unit: str = "",
    max_value: float | None = None,
) -> SafeString:
    """Horizontal bars, one per (label, value): long labels (country names) stay readable."""
    row, label_w, bar_w, pad = 26, 170, 330, 8
    height = max(1, len(items)) * row + 2 * pad
    top = max_value if max_value is not None else max((v for _, v in items), default=0)
    top = top or 1
    desc = "; ".join(f"{label}: {_fmt(v, unit)}" for label, v in items) or gettext("No data")
    body = []
    for i, (label, value) in enumerate(items):
        y = pad + i * row
        width = max(0.0, min(1.0, value / top)) * bar_w
        body.append(
            f'<text x="{label_w - 6}" y="{y + 17}" text-anchor="end" font-size="12" {FONT}>'
            f"{escape(label)}</text>"
            f'<rect x="{label_w}" y="{y + 4}" width="{width:.1f}" height="{row - 8}" '
            f'fill="{PALETTE[0]}"/>'
            f'<text x="{label_w + width + 4:.1f}" y="{y + 17}" font-size="12" {FONT}>'
            f"{escape(_fmt(value, unit))}</text>"
        )
    if not items:
        body.append(
            f'<text x="10" y="20" font-size="12" {FONT}>{escape(gettext("No data"))}</text>'
        )
    return _svg(label_w + bar_w + 70, height, title, desc, body)


def stacked_bar_chart(
    title: str, categories: list[str], series: dict[str, list[float]]
) -> SafeString:
    """One horizontal bar per category, split by series (e.g. participants by sector)."""
    row, label_w, bar_w, pad = 26, 170, 330, 8
    names = list(series)
    totals = [sum(series[n][i] for n in names) for i in range(len(categories))]
    top = max(totals, default=0) or 1
    legend_h = 22 * ((len(names) + 2) // 3)
    height = max(1, len(categories)) * row + 2 * pad + legend_h
    body, parts = [], []
    for i, category in enumerate(categories):
        y = pad + i * row
        x = float(label_w)
        body.append(
            f'<text x="{label_w - 6}" y="{y + 17}" text-anchor="end" font-size="12" {FONT}>'
            f"{escape(category)}</text>"
        )
        values = []
        for j, name in enumerate(names):
            value = series[name][i]
            width = value / top * bar_w
            if width > 0:
                body.append(
                    f'<rect x="{x:.1f}" y="{y + 4}" width="{width:.1f}" height="{row - 8}" '
                    f'fill="{PALETTE[j % len(PALETTE)]}"><title>{escape(name)}: '
                    f"{escape(_fmt(value))}</title></rect>"
                )
            x += width
            values.append(f"{name} {_fmt(value)}")
        body.append(
            f'<text x="{x + 4:.1f}" y="{y + 17}" font-size="12" {FONT}>{_fmt(totals[i])}</text>'
        )
        parts.append(f"{category}: " + ", ".join(values))
    body.extend(_legend(names, pad + len(categories) * row + 6))
    return _svg(label_w + bar_w + 70, height, title, "; ".join(parts) or gettext("No data"), body)


def _legend(names: list[str], y0: int, columns: int = 3) -> list[str]:
    out = []
    for j, name in enumerate(names):
        x, y = 10 + (j % columns) * 190, y0 + (j // columns) * 22
        out.append(
            f'<rect x="{x}" y="{y}" width="12" height="12" fill="{PALETTE[j % len(PALETTE)]}"/>'
            f'<text x="{x + 18}" y="{y + 11}" font-size="12" {FONT}>{escape(name)}</text>'
        )
    return out


def _text_width(text: str, size: int) -> float:
    """About how wide a label is drawn (Noto Sans averages under 0.6 em a character)."""
    return 0.6 * size * len(text)


def _x_labels(x_labels: list[str], left: float, step: float, y: int) -> tuple[list[str], int]:
    """The period labels under the axis and the height they take. Labels that would run into
    each other are slanted 45 degrees rather than shrunk, so a narrow chart keeps them legible."""
    widest = max((_text_width(label, LABEL_SIZE) for label in x_labels), default=0)
    slanted = step < widest + 6
    out = []
    for i, label in enumerate(x_labels):
        x = left + i * step
        turn = f' text-anchor="end" transform="rotate(-45 {x:.1f} {y})"' if slanted else ""
        anchor = "" if slanted else ' text-anchor="middle"'
        out.append(
            f'<text x="{x:.1f}" y="{y}"{anchor}{turn} font-size="{LABEL_SIZE}" {FONT}>'
            f"{escape(label)}</text>"
        )
    return out, round(0.71 * (widest + LABEL_SIZE)) if slanted else LABEL_SIZE


def line_chart(
    title: str,
    x_labels: list[str],
    series: dict[str, list[float]],
    *,
    unit: str = "",
    width: int = 560,
) -> SafeString:
    """Values over time (editions, months): one line per series, points labelled.

    `width` is in the chart's own units, which the page scales to its column: a chart about as
    wide as a phone's column (the dashboard's) keeps its text about as large there as drawn."""
    left, right, top_pad = 50, 20, 15
    plot_h = min(200, round(0.45 * width))
    axis_y = top_pad + plot_h
    names = list(series)
    top = max((v for n in names for v in series[n]), default=0) or 1
    step = (width - left - right) / max(1, len(x_labels) - 1)
    labels, labels_h = _x_labels(x_labels, left, step, axis_y + 16)
    legend_y = axis_y + labels_h + 28
    columns = max(1, min(3, (width - 10) // 190))
    height = legend_y + 22 * -(-len(names) // columns) + 6
    body = [
        f'<line x1="{left}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}" stroke="#555"/>',
        f'<text x="{left - 6}" y="{top_pad + 4}" text-anchor="end" font-size="{LABEL_SIZE}" '
        f"{FONT}>{escape(_fmt(top, unit))}</text>",
        f'<text x="{left - 6}" y="{axis_y}" text-anchor="end" font-size="{LABEL_SIZE}" {FONT}>'
        f"0</text>",
        *labels,
    ]
    parts = []
    for j, name in enumerate(names):
        colour = PALETTE[j % len(PALETTE)]
        points = [
            (left + i * step, axis_y - (v / top) * plot_h) for i, v in enumerate(series[name])
        ]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        body.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for x, y in points:
            body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>')
        pairs = zip(x_labels, series[name], strict=False)
        parts.append(f"{name}: " + ", ".join(f"{lbl} {_fmt(v, unit)}" for lbl, v in pairs))
    body.extend(_legend(names, legend_y, columns))
    return _svg(width, height, title, "; ".join(parts) or gettext("No data"), body)
