"""The audit report's charts drawn with matplotlib, as PNG images at print resolution.

Imported only when a Word report is written (report/charts.py imports it inside
the function that needs it), so `check` never pays for loading matplotlib.
matplotlib's object interface is used with its Agg canvas directly: no pyplot,
no global backend, no window. The only font is the one matplotlib ships with.

Figures are drawn at the size they print (the text width of an A4 page), so
a font size here is the size on paper; none is below 8 pt. Colours are from
the Okabe-Ito palette, safe for colour-blind readers, and each series also
differs in lightness, marker or line style so the charts survive greyscale.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, PercentFormatter
from PIL import Image, PngImagePlugin

from recordcheck.report.chart_data import NOTES_FOR_A_POINT, WIDTH_CM, AgencyBar, Share, Trend
from recordcheck.report.doc_builder import percent

if TYPE_CHECKING:  # annotations only
    from recordcheck.report.chart_data import CaseScore

WIDTH_IN = WIDTH_CM / 2.54
DPI = 250
SMALLEST_PT = 8
MOST_TICK_LABELS = 12  # years: what fits across the page at 8 pt

NAVY = "#1F3864"  # the report's heading colour
OTHERS = "#8C8C8C"  # an "Other n ..." bar adding up the rest
FLAGGED = "#D55E00"  # vermillion: dark in greyscale
MET = "#C9C9C9"  # light grey
REASON = "#0072B2"  # blue: dark in greyscale
OUTCOME = "#E69F00"  # orange: light in greyscale
INK = "#262626"
QUIET = "#595959"
GRID = "#E3E3E3"
# one look per line of the trend: colour, marker and dash all differ
LINE_LOOKS = (
    ("#000000", "o", "-"),
    ("#0072B2", "s", "--"),
    ("#E69F00", "^", ":"),
    ("#009E73", "D", "-."),
    ("#CC79A7", "v", (0, (5, 1, 1, 1))),
)

STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 8.5,
    "axes.labelsize": 8.5,
    "xtick.labelsize": SMALLEST_PT,
    "ytick.labelsize": 8.5,
    "legend.fontsize": SMALLEST_PT,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": QUIET,
    "axes.labelcolor": INK,
    "xtick.color": QUIET,
    "ytick.color": INK,
    "text.color": INK,
    "axes.axisbelow": True,
    "legend.frameon": False,
}


def _wrapped(label: str, width: int = 30) -> str:
    return "\n".join(textwrap.wrap(label, width)[:3]) or label


def png(figure: Figure) -> bytes:
    """The figure as a PNG at print resolution."""
    FigureCanvasAgg(figure)
    stream = io.BytesIO()
    figure.savefig(stream, format="png", dpi=DPI, metadata={"Software": None})
    return stream.getvalue()


def stand_in(figure: Figure, serial: int) -> bytes:
    """A blank PNG of the size and resolution ``png`` will draw the figure at, so a
    document laid out with it gives the figure its room before it is drawn. ``serial``
    keeps each one distinct: a Word document keeps one file for identical pictures."""
    width, height = figure.get_size_inches() * DPI  # as the Agg canvas sizes itself
    info = PngImagePlugin.PngInfo()
    info.add_text("Figure", str(serial))
    stream = io.BytesIO()
    Image.new("1", (int(width), int(height)), 1).save(
        stream, "PNG", dpi=(DPI, DPI), pnginfo=info
    )
    return stream.getvalue()


def _percent_axis(axis, label: str) -> None:
    axis.set_xlim(0, 100)
    axis.xaxis.set_major_formatter(PercentFormatter(decimals=0))
    axis.xaxis.set_major_locator(MaxNLocator(nbins=4))
    axis.grid(axis="x", color=GRID, linewidth=0.6)
    axis.set_xlabel(label)


def _bar_label(
    axis, y: float, value: float, text: str, *, fits_inside: float = 70, ink: str = "white"
) -> None:
    """The figure at the end of a bar; inside it when the bar is long (white on a dark bar,
    dark on a light one)."""
    if value >= fits_inside:
        axis.text(value - 1.5, y, text, va="center", ha="right", color=ink)
    else:
        axis.text(value + 1.5, y, text, va="center", ha="left")


def shares_figure(shares: Sequence[Share], axis_label: str) -> Figure:
    """Horizontal bars of percentages, one per share, in the order given, top down."""
    with rc_context(STYLE):
        figure = Figure(figsize=(WIDTH_IN, 0.8 + 0.27 * len(shares)), layout="constrained")
        axis = figure.add_subplot()
        rows = range(len(shares))
        values = [100 * (share.rate or 0) for share in shares]
        colours = [OTHERS if share.label.startswith("Other ") else NAVY for share in shares]
        axis.barh(rows, values, height=0.62, color=colours)
        axis.set_yticks(list(rows), [_wrapped(share.label) for share in shares])
        axis.set_ylim(len(shares) - 0.5, -0.5)  # first share at the top
        axis.tick_params(axis="y", length=0)
        _percent_axis(axis, axis_label)
        for row, (share, value) in enumerate(zip(shares, values, strict=True)):
            text = share.words() if share.total else "none to count"
            _bar_label(axis, row, value, text.replace(" (", "  (", 1))
        return figure


def scores_figure(scores: Sequence[CaseScore], lines: Sequence[tuple[str, float]]) -> Figure:
    """Horizontal bars of case files' scores, lowest first, each labelled with its score
    and grade; a dashed line where each grade starts."""
    with rc_context(STYLE):
        figure = Figure(figsize=(WIDTH_IN, 1.0 + 0.27 * len(scores)), layout="constrained")
        axis = figure.add_subplot()
        rows = range(len(scores))
        values = [100 * score.score for score in scores]
        axis.barh(rows, values, height=0.62, color=NAVY)
        axis.set_yticks(list(rows), [_wrapped(score.label) for score in scores])
        axis.set_ylim(len(scores) - 0.5, -0.5)  # lowest score at the top
        axis.tick_params(axis="y", length=0)
        # the grades' names go under the axis: above their lines they overlap where
        # bands are narrow (Outstanding's 95% to 100%)
        starts = ", ".join(f"{name} from {percent(lowest)}" for name, lowest in lines)
        _percent_axis(
            axis, f"Score (machine-assisted, not a judgement)\ndashed lines: {starts}"
        )
        for _, lowest in lines:
            axis.axvline(100 * lowest, color=QUIET, linewidth=0.8, linestyle="--", zorder=0.5)
        for row, (score, value) in enumerate(zip(scores, values, strict=True)):
            _bar_label(axis, row, value, f"{percent(score.score)}  {score.grade}", fits_inside=40)
        return figure


def _tick_labels(trend: Trend) -> list[str]:
    """ "Mar" under each month, with the year under the first and under each January.
    Years (only when the notes span more than six years) are labelled every few years
    once there are too many to fit."""
    labels = []
    every = -(-len(trend.periods) // MOST_TICK_LABELS)
    for number, period in enumerate(trend.periods):
        if trend.step == "year":
            labels.append(period.label if number % every == 0 else "")
            continue
        short, year = period.label.split(" ")
        new_year = number == 0 or period.start.month == 1
        labels.append(f"{short}\n{year}" if new_year else short)
    return labels


def trend_figure(trend: Trend, check_titles: Sequence[str]) -> Figure:
    """Notes per period (with a finding, met every check) over the share with a finding,
    for all checks and for each check against the notes it applied to in the period."""
    periods = trend.periods
    x = list(range(len(periods)))
    with rc_context(STYLE):
        figure = Figure(figsize=(WIDTH_IN, 4.6), layout="constrained")
        counts, rates = figure.subplots(
            2, 1, sharex=True, gridspec_kw={"height_ratios": (1, 1.5)}
        )
        flagged = [period.flagged for period in periods]
        met = [period.notes - period.flagged for period in periods]
        counts.bar(x, flagged, width=0.7, color=FLAGGED, label="With a finding")
        counts.bar(x, met, width=0.7, bottom=flagged, color=MET, label="Met every check")
        counts.set_ylabel("Notes checked")
        counts.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
        counts.grid(axis="y", color=GRID, linewidth=0.6)
        counts.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=2, borderaxespad=0.2)
        series = [("All checks", [period.share for period in periods])]
        series += [
            (title, [period.check_share(check) for period in periods])
            for check, title in zip(trend.checks, check_titles, strict=True)
        ]
        for (title, shares), (colour, marker, dashes) in zip(series, LINE_LOOKS, strict=False):
            values = [
                100 * share.rate if share.total >= NOTES_FOR_A_POINT else float("nan")
                for share in shares
            ]
            rates.plot(
                x, values, color=colour, marker=marker, linestyle=dashes, markersize=4,
                linewidth=1.8 if title == "All checks" else 1.2, label=title,
            )
        rates.set_ylim(-3, 103)
        rates.yaxis.set_major_formatter(PercentFormatter(decimals=0))
        rates.yaxis.set_major_locator(MaxNLocator(nbins=5))
        rates.grid(axis="y", color=GRID, linewidth=0.6)
        rates.set_ylabel("Share with a finding")
        rates.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=2, borderaxespad=0.2)
        labelled = [(at, label) for at, label in zip(x, _tick_labels(trend), strict=True) if label]
        rates.set_xticks([at for at, _ in labelled], [label for _, label in labelled])
        rates.set_xlim(-0.6, len(periods) - 0.4)
        return figure


def agency_figure(bars: Sequence[AgencyBar]) -> Figure:
    """Contacts per agency (left); for outward sharing, the share with a reason and with an
    outcome recorded (right). Agencies with no outward sharing say so instead of a bar."""
    rows = list(range(len(bars)))
    with rc_context(STYLE):
        figure = Figure(figsize=(WIDTH_IN, 1.1 + 0.38 * len(bars)), layout="constrained")
        contacts, sharing = figure.subplots(
            1, 2, sharey=True, gridspec_kw={"width_ratios": (1, 1.25)}
        )
        counts = [bar.contacts for bar in bars]
        contacts.barh(rows, counts, height=0.62, color=NAVY)
        contacts.set_yticks(rows, [_wrapped(bar.label, 26) for bar in bars])
        contacts.set_ylim(len(bars) - 0.5, -0.5)
        contacts.tick_params(axis="y", length=0)
        contacts.set_xlim(0, max(counts, default=1) * 1.25)
        contacts.xaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
        contacts.grid(axis="x", color=GRID, linewidth=0.6)
        contacts.set_xlabel("Contacts (done or attempted)")
        for row, count in enumerate(counts):
            contacts.text(count + max(counts) * 0.02, row, f"{count:,}", va="center")
        for offset, colour, ink, name, pick in (
            (-0.19, REASON, "white", "Reason recorded", lambda bar: bar.reason),
            (0.19, OUTCOME, INK, "Outcome recorded", lambda bar: bar.outcome),
        ):
            shares = [pick(bar) for bar in bars]
            values = [100 * (share.rate or 0) for share in shares]
            sharing.barh(
                [row + offset for row in rows], values, height=0.36, color=colour, label=name
            )
            word = name.split()[0].lower()  # the label names its bar: a 0% bar has no colour
            for row, bar, share, value in zip(rows, bars, shares, values, strict=True):
                if share.total:
                    text = f"{word} {share.count:,} of {share.total:,}"
                    _bar_label(sharing, row + offset, value, text, fits_inside=60, ink=ink)
                elif bar.outward:
                    sharing.text(1.5, row + offset, f"{word} not assessed", va="center",
                                 color=QUIET)
        for row, bar in enumerate(bars):
            if not bar.outward:
                sharing.text(1.5, row, "no outward sharing", va="center", color=QUIET,
                             style="italic")
        sharing.tick_params(axis="y", length=0)
        _percent_axis(sharing, "Share of outward sharing")
        figure.legend(loc="outside upper right", ncols=2)
        return figure
