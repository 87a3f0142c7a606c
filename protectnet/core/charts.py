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


WIDTH = 340  # in the chart's units: about a phone's column, so its text is not scaled down
ROW, PAD = 40, 8  # each bar takes a row: its label on a line of its own, the bar under it


def _fit(text: str, room: float) -> str:
    """A label cut short, with an ellipsis, where it would pass the chart's edge; the chart's
    description and the table beside it still give it whole."""
    if _text_width(text, LABEL_SIZE) <= room:
        return text
    keep = max(1, int(room / _text_width("x", LABEL_SIZE)) - 1)
    return text[:keep].rstrip() + "…"


def _bar_label(label: str, y: int, width: int) -> str:
    return (
        f'<text x="{PAD}" y="{y + 13}" font-size="{LABEL_SIZE}" {FONT}>'
        f"{escape(_fit(label, width - 2 * PAD))}</text>"
    )


def _value_text(x: float, y: int, text: str) -> str:
    return (
        f'<text x="{x + 4:.1f}" y="{y + 30}" font-size="{LABEL_SIZE}" {FONT}>{escape(text)}</text>'
    )


def bar_chart(
    title: str,
    items: list[tuple[str, float]],
    *,
    unit: str = "",
    max_value: float | None = None,
    width: int = WIDTH,
) -> SafeString:
    """Horizontal bars, one per (label, value), each label on the line above its bar: long
    labels (country names) keep the whole width, and the chart stays a phone's column wide."""
    values = [_fmt(v, unit) for _, v in items]
    bar_w = width - 2 * PAD - 8 - max((_text_width(v, LABEL_SIZE) for v in values), default=0)
    height = max(1, len(items)) * ROW + 2 * PAD
    top = max_value if max_value is not None else max((v for _, v in items), default=0)
    top = top or 1
    desc = "; ".join(f"{label}: {v}" for (label, _), v in zip(items, values, strict=True))
    body = []
    for i, ((label, value), shown) in enumerate(zip(items, values, strict=True)):
        y = PAD + i * ROW
        length = max(0.0, min(1.0, value / top)) * bar_w
        body.append(
            _bar_label(label, y, width)
            + f'<rect x="{PAD}" y="{y + 18}" width="{length:.1f}" height="16" '
            f'fill="{PALETTE[0]}"/>' + _value_text(PAD + length, y, shown)
        )
    if not items:
        body.append(
            f'<text x="{PAD}" y="20" font-size="{LABEL_SIZE}" {FONT}>'
            f"{escape(gettext('No data'))}</text>"
        )
    return _svg(width, height, title, desc or gettext("No data"), body)


def stacked_bar_chart(
    title: str, categories: list[str], series: dict[str, list[float]], *, width: int = WIDTH
) -> SafeString:
    """One horizontal bar per category, split by series (e.g. participants by sector), each
    category's name on the line above its bar and the legend under the bars."""
    names = list(series)
    totals = [sum(series[n][i] for n in names) for i in range(len(categories))]
    widest = max((_text_width(_fmt(v), LABEL_SIZE) for v in totals), default=0)
    bar_w = width - 2 * PAD - 8 - widest
    top = max(totals, default=0) or 1
    columns = _columns(width)
    legend_y = PAD + max(1, len(categories)) * ROW + 6
    height = legend_y + 22 * -(-len(names) // columns) + PAD
    body, parts = [], []
    for i, category in enumerate(categories):
        y = PAD + i * ROW
        x = float(PAD)
        body.append(_bar_label(category, y, width))
        shown = []
        for j, name in enumerate(names):
            value = series[name][i]
            length = value / top * bar_w
            if length > 0:
                body.append(
                    f'<rect x="{x:.1f}" y="{y + 18}" width="{length:.1f}" height="16" '
                    f'fill="{PALETTE[j % len(PALETTE)]}"><title>{escape(name)}: '
                    f"{escape(_fmt(value))}</title></rect>"
                )
            x += length
            shown.append(f"{name} {_fmt(value)}")
        body.append(_value_text(x, y, _fmt(totals[i])))
        parts.append(f"{category}: " + ", ".join(shown))
    body.extend(_legend(names, legend_y, columns, width))
    return _svg(width, height, title, "; ".join(parts) or gettext("No data"), body)


def _columns(width: int) -> int:
    """As many legend columns of 190 units as fit the chart."""
    return max(1, min(3, (width - 10) // 190))


def _legend(names: list[str], y0: int, columns: int, width: int) -> list[str]:
    out = []
    room = min(190, width - 10) - 24
    for j, name in enumerate(names):
        x, y = 10 + (j % columns) * 190, y0 + (j // columns) * 22
        out.append(
            f'<rect x="{x}" y="{y}" width="12" height="12" fill="{PALETTE[j % len(PALETTE)]}"/>'
            f'<text x="{x + 18}" y="{y + 11}" font-size="{LABEL_SIZE}" {FONT}>'
            f"{escape(_fit(name, room))}</text>"
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
    width: int = WIDTH,
) -> SafeString:
    """Values over time (editions, months): one line per series, points labelled.

    `width` is in the chart's own units, which the page scales to its column: a chart about as
    wide as a phone's column (the dashboard's) keeps its text about as large there as drawn."""
    names = list(series)
    top = max((v for n in names for v in series[n]), default=0) or 1
    # Room left of the axis for its largest value, right-aligned against it, and right of the
    # last period for half its label, centred under it.
    widest = max((_text_width(label, LABEL_SIZE) for label in x_labels), default=0)
    # A slanted first period label runs down to the left of its point: room for it too (a
    # month in Thai or Burmese is twice as long as "Jan 2026").
    left = max(50, round(_text_width(_fmt(top, unit), LABEL_SIZE)) + 12, round(0.71 * widest) + 4)
    right, top_pad = max(20, round(widest / 2) + 4), 15
    plot_h = min(200, round(0.45 * width))
    axis_y = top_pad + plot_h
    step = (width - left - right) / max(1, len(x_labels) - 1)
    labels, labels_h = _x_labels(x_labels, left, step, axis_y + 16)
    legend_y = axis_y + labels_h + 28
    columns = _columns(width)
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
    body.extend(_legend(names, legend_y, columns, width))
    return _svg(width, height, title, "; ".join(parts) or gettext("No data"), body)
