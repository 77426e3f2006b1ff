# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Charts of the customer report pack, drawn on the server with matplotlib
(Agg canvas, no display, no pyplot global state) and given to the QWeb
report as base64 PNG: wkhtmltopdf prints them as images."""

import base64
import io

from babel.dates import format_date
from babel.numbers import format_decimal
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import num2date
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

# the company's report colours: dark blue, light blue, orange (warnings)
BLUE = "#1f4e79"
LIGHT = "#9dc3e6"
ORANGE = "#e07b39"
GREY = "#7f7f7f"
DPI = 120


def _figure(width, height):
    figure = Figure(figsize=(width, height), dpi=DPI)
    FigureCanvasAgg(figure)
    return figure


def _style(axes, locale, value_axis="y"):
    """Light frame and grid; the value axis's numbers in the customer's
    language (a decimal comma in French)."""
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(labelsize=7, colors="#333333")
    getattr(axes, f"{value_axis}axis").set_major_formatter(
        FuncFormatter(lambda value, _pos: format_decimal(round(value, 2), locale=locale))
    )
    axes.grid(axis=value_axis, color="#e5e5e5", linewidth=0.6)
    axes.set_axisbelow(True)


def _png(figure, **margins):
    """The PNG of ``figure``, base64. Margins are set, not measured: matplotlib's
    tight layout costs more than drawing the chart."""
    buffer = io.BytesIO()
    figure.subplots_adjust(**margins)
    figure.savefig(buffer, format="png", dpi=DPI, pil_kwargs={"compress_level": 1})
    return base64.b64encode(buffer.getvalue()).decode()


def grouped_bars(labels, series, locale, *, title="", width=7.0, height=2.4, ylabel=""):
    """Vertical bars, one group per label, one bar per series:
    ``series`` = [(legend, values, colour)]."""
    figure = _figure(width, height)
    axes = figure.add_subplot()
    count = max(len(series), 1)
    bar_width = 0.8 / count
    positions = range(len(labels))
    for index, (legend, values, colour) in enumerate(series):
        axes.bar(
            [position - 0.4 + bar_width * (index + 0.5) for position in positions],
            values,
            width=bar_width,
            label=legend,
            color=colour,
        )
    axes.set_xticks(list(positions), labels)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    _style(axes, locale)
    if ylabel:
        axes.set_ylabel(ylabel, fontsize=7)
    if title:
        axes.set_title(title, fontsize=9, loc="left")
    axes.legend(
        fontsize=7, frameon=False, loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=len(series)
    )
    return _png(figure, left=0.07, right=0.98, bottom=0.14, top=0.84)


def horizontal_bars(labels, values, locale, *, title="", xlabel="", limit=None, target=None):
    """One horizontal bar per label (top to bottom), with the value printed
    at its end; ``target`` draws a dashed line (e.g. 100 %)."""
    height = 0.6 + 0.28 * max(len(labels), 1)
    figure = _figure(7.0, height)
    axes = figure.add_subplot()
    positions = list(range(len(labels)))[::-1]
    colours = [ORANGE if target is not None and value < target else BLUE for value in values]
    axes.barh(positions, values, color=colours, height=0.6)
    axes.set_yticks(positions, labels)
    if limit is not None:
        axes.set_xlim(0, limit * 1.12)
    if target is not None:
        axes.axvline(target, color=GREY, linestyle="--", linewidth=0.8)
    for position, value in zip(positions, values, strict=True):
        axes.text(
            value,
            position,
            f" {format_decimal(round(value, 1), locale=locale)}",
            va="center",
            fontsize=7,
        )
    _style(axes, locale, value_axis="x")
    if xlabel:
        axes.set_xlabel(xlabel, fontsize=7)
    if title:
        axes.set_title(title, fontsize=9, loc="left")
    # room for the longest label on the left (about 0.1 inch per 2 letters)
    longest = max((len(label) for label in labels), default=0)
    inches = 0.2 + 0.055 * longest
    return _png(
        figure,
        left=min(inches / 7.0, 0.5),
        right=0.95,
        bottom=0.35 / height + 0.02,
        top=1 - 0.3 / height,
    )


def small_line(dates, values, locale, *, unit="", low=None, high=None):
    """A small line chart of a meter's daily values, with its thresholds
    as dashed lines."""
    figure = _figure(3.4, 1.6)
    axes = figure.add_subplot()
    axes.plot(
        dates,
        values,
        color=BLUE,
        linewidth=1.2,
        marker="o" if len(dates) < 15 else None,
        markersize=2.5,
    )
    for threshold in (low, high):
        if threshold is not None:
            axes.axhline(threshold, color=ORANGE, linestyle="--", linewidth=0.8)
    _style(axes, locale)
    axes.xaxis.set_major_formatter(
        FuncFormatter(
            lambda value, _pos: format_date(num2date(value).date(), "d MMM", locale=locale)
        )
    )
    axes.xaxis.set_major_locator(MaxNLocator(4))
    if unit:
        axes.set_ylabel(unit, fontsize=7)
    return _png(figure, left=0.2, right=0.92, bottom=0.16, top=0.95)
