"""The audit report's charts as Word figures: the picture, its alt text and a caption
that states the figures in words, so a reader who cannot see the chart (or prints it
in black and white) misses nothing.

The figures come from report/chart_data.py and the pictures from
report/chart_drawing.py, which loads matplotlib: it is imported here only when
a chart is drawn, so checking notes never loads it. Where a chart would be
empty or say nothing (no dates, one case file, no contacts) a sentence takes
its place.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from types import ModuleType

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.image import Image
from docx.shared import Cm, RGBColor

from recordcheck.report.chart_data import (
    NOTES_FOR_A_POINT,
    WIDTH_CM,
    AgencyBar,
    CaseScore,
    Share,
    Trend,
    agency_bars,
    case_scores,
    check_shares,
    grade_lines,
    others,
    trend,
)
from recordcheck.report.doc_builder import AuditDocument, percent, plural
from recordcheck.report.grades import LABEL
from recordcheck.report.guide import guide_for
from recordcheck.report.partner_agencies import Partner
from recordcheck.report.sanitise import clean_text
from recordcheck.report.summary import out_of
from recordcheck.report.word import add_field

CAPTION_STYLE = "Caption"  # Word's own; a template without it gets the report's small print
CAPTION_INK = RGBColor(0x26, 0x26, 0x26)


def add_figure(doc: AuditDocument, figure: object, alt: str, caption: str) -> None:
    """The picture, at the width it was drawn, then "Figure n. <caption>" kept with it.

    The picture holds a blank stand-in of the figure's size until ``draw_figures``: the
    report can be laid out (its contents' page numbers) while the figures are drawn."""
    from recordcheck.report import chart_drawing

    picture = doc.para()
    picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture.paragraph_format.keep_with_next = True
    stand_in = chart_drawing.stand_in(figure, len(doc.undrawn) + 1)
    shape = picture.add_run().add_picture(io.BytesIO(stand_in), width=Cm(WIDTH_CM))
    doc.undrawn.append((shape, figure, stand_in))
    number = len(doc.document.inline_shapes)
    properties = shape._inline.docPr  # what screen readers and Word's Alt Text pane read
    properties.set("name", f"Figure {number}")
    properties.set("descr", clean_text(alt))
    words = doc.para(style=CAPTION_STYLE if CAPTION_STYLE in doc.ids else "Small Print")
    words.add_run("Figure ").bold = True
    add_field(words, "SEQ Figure \\* ARABIC", str(number))  # Word's list of figures counts it
    words.runs[-1].bold = True
    words.add_run(". ").bold = True
    # a caption is read as text, not as a heading: plain, in the report's ink
    body = words.add_run(clean_text(caption))
    body.bold = False
    body.font.color.rgb = CAPTION_INK


def _picture(build: Callable[[ModuleType], object]) -> object:
    """The figure ``build`` makes with report/chart_drawing.py, drawn by ``draw_figures``."""
    from recordcheck.report import chart_drawing  # loads matplotlib: only when drawing

    return build(chart_drawing)


def draw_figures(doc: AuditDocument) -> bool:
    """Draw every figure into its picture; False when one came out another size than the
    stand-in the report was laid out with (its page numbers must be worked out again)."""
    from recordcheck.report import chart_drawing

    same_size = True
    for shape, figure, stand_in in doc.undrawn:
        png = chart_drawing.png(figure)
        drawn, stood_in = Image.from_blob(png), Image.from_blob(stand_in)
        width, height = drawn.scaled_dimensions(shape.width)
        if (width, height) != stood_in.scaled_dimensions(shape.width):
            same_size = False
            shape.height = height  # the picture's room on the page is its size in the document
        embed = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
        doc.document.part.related_parts[embed]._blob = png
    doc.undrawn.clear()
    return same_size


def charts_section(doc: AuditDocument) -> None:
    doc.heading("The audit in charts")
    if not doc.summary.overall.notes:
        doc.para("No notes were checked, so there is nothing to chart.")
        return
    doc.para(
        "Each caption gives the chart's figures in words. A check's share is out of the notes "
        "it applies to; a note counts once however many findings it has. A case file is "
        "shown by the score it is graded on. The partnership "
        "chart is in the Partnership working section."
    )
    _check_chart(doc)
    _case_chart(doc)
    _trend_chart(doc)


def _check_chart(doc: AuditDocument) -> None:
    overall, checks = doc.summary.overall, doc.summary.checks
    shares = check_shares(doc.summary)
    figures = [
        f"{guide_for(check).title.lower()}, {overall.notes_with[check]:,} of "
        f"{out_of(check, overall)} ({percent(overall.share_with(check))})"
        if overall.applicable[check]
        else f"{guide_for(check).title.lower()}, no notes it applies to"
        for check in checks
    ]
    add_figure(
        doc,
        _picture(lambda draw: draw.shares_figure(shares, "Share of the notes it applies to")),
        "Horizontal bar chart: the share of notes with a finding for each check, out of the "
        "notes the check applies to. "
        + "; ".join(f"{share.label} {_rate(share)}" for share in shares)
        + ".",
        "Notes with a finding, by check: " + "; ".join(figures) + ".",
    )


def _rate(share: Share) -> str:
    return percent(share.rate) if share.rate is not None else "none to count"


def _case_chart(doc: AuditDocument) -> None:
    """Each case file's score and grade: what the report grades case files on."""
    drawn, rest = case_scores(doc.summary)
    if len(drawn) == 1:
        (case,) = drawn
        doc.para(
            f"All the notes are from one case file, {case.label}: score {percent(case.score)}, "
            f"{case.grade} ({LABEL}), so there is no chart comparing case files."
        )
        return
    lines = grade_lines(doc.summary)
    which = f"the {len(drawn)} lowest" if rest else "every case file"
    listed = "; ".join(f"{case.label}, {percent(case.score)} {case.grade}" for case in drawn)
    add_figure(
        doc,
        _picture(lambda draw: draw.scores_figure(drawn, lines)),
        f"Horizontal bar chart: each case file's score ({which}), lowest first, with its "
        f"grade; dashed lines where each grade starts. Lowest: {drawn[0].label} "
        f"{percent(drawn[0].score)} {drawn[0].grade}.",
        f"Score and grade by case file ({LABEL}), lowest first as in Grades by case file "
        f"({which}): {listed}.{_rest_of_cases(rest)} Dashed lines mark where each grade "
        "starts: " + ", ".join(f"{name} {percent(lowest)}" for name, lowest in lines) + ".",
    )


def _rest_of_cases(rest: Sequence[CaseScore]) -> str:
    if not rest:
        return ""
    grades = ", ".join(dict.fromkeys(case.grade for case in reversed(rest)))
    return (
        f" Not drawn: the other {plural(len(rest), 'case file')}, scoring "
        f"{percent(rest[0].score)} to {percent(rest[-1].score)} ({grades})."
    )


def _trend_chart(doc: AuditDocument) -> None:
    shape = trend(doc.report, doc.summary)
    left_out = (
        f" {plural(shape.undated, 'note')} without a date {'is' if shape.undated == 1 else 'are'}"
        " left out."
        if shape.undated
        else ""
    )
    if not shape.periods:
        doc.para("No note has a date, so there is no chart of findings over time.")
        return
    if len(shape.periods) == 1:
        (only,) = shape.periods
        doc.para(
            f"All the dated notes are from {only.label}: {only.share.words('note')} had at "
            f"least one finding. A chart over time needs notes from more than one month."
            + left_out
        )
        return
    step = shape.step
    titles = [guide_for(check).title for check in shape.checks]
    add_figure(
        doc,
        _picture(lambda draw: draw.trend_figure(shape, titles)),
        f"Two-panel chart by {step}. Top: bars of the notes checked each {step}, split into "
        f"notes with a finding and notes that met every check. Bottom: lines of the share of "
        f"notes with a finding, for all checks and for each check. "
        f"{_trend_summary(shape)}",
        f"Notes checked each {step} (top) and the share with at least one finding (bottom; "
        f"each check's line is out of the notes it applies to in the {step}; a point resting "
        f"on fewer than {NOTES_FOR_A_POINT} notes is not drawn). All checks: "
        + "; ".join(
            f"{period.label}, {period.share.words('note')}"
            for period in shape.periods
            if period.notes
        )
        + "."
        + _empty_periods(shape)
        + left_out,
    )


def _empty_periods(shape: Trend) -> str:
    empty = sum(not period.notes for period in shape.periods)
    if not empty:
        return ""
    return f" No notes in {empty:,} of the {len(shape.periods):,} {shape.step}s."


def _trend_summary(shape: Trend) -> str:
    counted = [period for period in shape.periods if period.notes]
    first, last = counted[0], counted[-1]
    return (
        f"All checks: {first.label} {_rate(first.share)} of {plural(first.notes, 'note')}; "
        f"{last.label} {_rate(last.share)} of {plural(last.notes, 'note')}."
    )


def partnership_chart(doc: AuditDocument, partners: Sequence[Partner]) -> None:
    """Contacts per agency, with outward sharing's reason and outcome rates."""
    if not partners:
        doc.para(
            "The notes record no done or attempted contact with another agency, so there is "
            "no partnership chart."
        )
        return
    bars, rest = agency_bars(partners), others(partners)
    figures = "; ".join(f"{bar.label} {bar.contacts:,}{_sharing(bar)}" for bar in bars)
    if rest:
        figures += (
            f". Not drawn: {rest.label}, {plural(rest.contacts, 'contact')} between them"
            f"{_sharing(rest)}"
        )
    add_figure(
        doc,
        _picture(lambda draw: draw.agency_figure(bars)),
        "Two-panel horizontal bar chart by agency, most contacts first. Left: the number of "
        "done or attempted contacts. Right: for contacts that sent information out, the share "
        "with a reason recorded and the share with an outcome recorded. Most contacts: "
        f"{bars[0].label}, {bars[0].contacts:,}.",
        "Done or attempted contacts per agency, most first; in brackets, for contacts that "
        f"sent information out, how many recorded the reason and the outcome: {figures}.",
    )


def _sharing(bar: AgencyBar) -> str:
    if not bar.outward:
        return ""
    return (
        f" ({bar.outward:,} out: reason {_count_of(bar.reason)}, "
        f"outcome {_count_of(bar.outcome)})"
    )


def _count_of(share: Share) -> str:
    return f"{share.count:,} of {share.total:,}" if share.total else "not assessed"
