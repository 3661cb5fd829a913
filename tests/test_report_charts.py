"""The Word report's charts: the figures they draw, the pictures with alt text and captions,
and a sentence in place of a chart that would be empty."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from report_sample import note_result, sample_report

from recordcheck.model import Report
from recordcheck.report import chart_data
from recordcheck.report.audit import write_audit
from recordcheck.report.audit_docx import start_audit_document
from recordcheck.report.partner_agencies import partners_in
from recordcheck.report.summary import summarise

FLAGGED = ("Mum is manipulative.", [("manipulative", "opinion")])
CLEAN = ("Seen alone in her room.", [])


def report_of(notes) -> Report:
    """Notes given as (case, date or None, (text, findings)), numbered in order."""
    return Report(
        results=tuple(
            note_result(f"N{number}", case, when, "A. Worker", "Case note", text, findings)
            for number, (case, when, (text, findings)) in enumerate(notes, 1)
        )
    )


def figures_in(report: Report):
    """(picture properties, caption text) for each picture of the Word report."""
    document = start_audit_document(report, summarise(report)).finish()
    body = list(document.paragraphs)
    found = []
    for position, paragraph in enumerate(body):
        for properties in paragraph._p.iter(qn("wp:docPr")):
            found.append((properties, body[position + 1].text))
    return document, found


def all_text(document) -> str:
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


# --- the figures drawn -----------------------------------------------------------------


def test_check_shares_are_out_of_the_notes_each_check_applies_to():
    report = sample_report()
    summary = summarise(report)
    shares = {share.label: share for share in chart_data.check_shares(summary)}
    opinion = shares["Opinion recorded as fact"]
    flagged = [r for r in report.results if any(f.check == "opinion" for f in r.findings)]
    assert (opinion.count, opinion.total) == (len(flagged), len(report.results))
    sharing = shares["Why information was shared"]
    assert sharing.total == summary.overall.applicable["sharing-rationale"] < len(report.results)


def test_case_scores_run_lowest_first_as_graded_and_name_the_rest_past_the_top():
    report = report_of(
        [(f"C-{case:03}", "2024-03-01", FLAGGED if note < case % 3 else CLEAN)
         for case in range(200) for note in range(2)]
    )
    summary = summarise(report)
    drawn, rest = chart_data.case_scores(summary)
    assert len(drawn) == chart_data.TOP_CASES and len(drawn) + len(rest) == 200
    ranked = drawn + rest
    assert [case.label for case in ranked] == [tally.name for tally in summary.worst_first()]
    scores = [case.score for case in ranked]
    assert scores == sorted(scores) and scores[0] < scores[-1]
    by_name = {tally.name: tally for tally in summary.cases}
    for case in ranked:
        assert case.score == summary.score(by_name[case.label])
        assert case.grade == summary.grade(by_name[case.label])


def test_thirteen_case_files_are_all_drawn_rather_than_one_named_apart():
    report = report_of([(f"C-{case:02}", "2024-03-01", CLEAN) for case in range(13)])
    drawn, rest = chart_data.case_scores(summarise(report))
    assert (len(drawn), rest) == (13, [])


def test_the_case_file_chart_caption_gives_the_scores_and_grades_the_text_uses():
    report = report_of(
        [(f"C-{case:02}", "2024-03-01", FLAGGED if note < case % 3 else CLEAN)
         for case in range(16) for note in range(3)]
    )
    summary = summarise(report)
    _, figures = figures_in(report)
    caption = next(caption for _, caption in figures if "by case file" in caption)
    worst = summary.worst_first()
    assert f"{worst[0].name}, {summary.score(worst[0]):.0%} {summary.grade(worst[0])}" in caption
    assert "Not drawn: the other 4 case files, scoring " in caption
    assert worst[-1].name not in caption
    assert "Good 85%" in caption and "share" not in caption


def test_trend_has_a_point_for_every_month_from_first_to_last_and_leaves_out_undated_notes():
    report = sample_report()
    shape = chart_data.trend(report, summarise(report))
    assert shape.step == "month"
    assert [period.label for period in shape.periods] == [
        "Jan 2024", "Feb 2024", "Mar 2024", "Apr 2024"
    ]
    dated = [r for r in report.results if r.note.date]
    assert shape.undated == len(report.results) - len(dated)
    assert sum(period.notes for period in shape.periods) == len(dated)
    march = [r for r in dated if r.note.date.startswith("2024-03")]
    assert shape.periods[2].share.total == len(march)
    assert shape.periods[2].share.count == sum(bool(r.findings) for r in march)


@pytest.mark.parametrize(
    ("first", "last", "step", "points"),
    [
        ("2023-01-15", "2024-06-30", "month", 18),
        ("2020-01-15", "2024-06-30", "quarter", 18),
        ("2012-05-01", "2024-06-30", "year", 13),
    ],
)
def test_long_periods_are_charted_by_quarter_or_year(first, last, step, points):
    report = report_of([("C-1", first, FLAGGED), ("C-1", last, CLEAN)])
    shape = chart_data.trend(report, summarise(report))
    assert (shape.step, len(shape.periods)) == (step, points)
    assert [period.notes for period in shape.periods if period.notes] == [1, 1]


def test_agency_bars_are_the_register_partners_most_contacts_first():
    report = sample_report()
    partners = partners_in(report)
    bars = chart_data.agency_bars(partners)
    assert [bar.contacts for bar in bars] == sorted((p.contacts for p in partners), reverse=True)
    assert sum(bar.contacts for bar in bars) == sum(
        event.counts_as_contact for result in report.results for event in result.contacts
    )
    assert chart_data.others(partners) is None
    police = bars[0]
    assert police.label == "Thames Valley Police"
    assert (police.reason.count, police.reason.total) == (0, 1)  # the unanswered call


def test_drawn_charts_have_a_bar_per_share_and_print_no_text_below_8_points():
    drawing = pytest.importorskip("recordcheck.report.chart_drawing")
    from matplotlib.text import Text

    report = sample_report()
    summary = summarise(report)
    shares = chart_data.check_shares(summary)
    figure = drawing.shares_figure(shares, "Share")
    assert len(figure.axes[0].patches) == len(shares)
    bars = chart_data.agency_bars(partners_in(report))
    agencies = drawing.agency_figure(bars)
    contacts, sharing = agencies.axes[:2]
    assert len(contacts.patches) == len(bars) and len(sharing.patches) == 2 * len(bars)
    shape = chart_data.trend(report, summary)
    trend = drawing.trend_figure(shape, ["Opinion", "Who present", "Sharing"])
    counts, rates = trend.axes[:2]
    assert len(counts.patches) == 2 * len(shape.periods)  # with a finding, met every check
    assert all(len(line.get_xdata()) == len(shape.periods) for line in rates.lines)
    ranked, _ = chart_data.case_scores(summary)
    cases = drawing.scores_figure(ranked, chart_data.grade_lines(summary))
    assert len(cases.axes[0].patches) == len(ranked)
    assert len(cases.axes[0].lines) == len(summary.scheme.lowest)  # where each grade starts
    for drawn in (figure, agencies, trend, cases):
        width_cm = drawn.get_figwidth() * 2.54
        assert width_cm == pytest.approx(chart_data.WIDTH_CM)  # drawn at the size it prints
        sizes = [t.get_fontsize() for t in drawn.findobj(Text) if t.get_text().strip()]
        assert sizes and min(sizes) >= 8


def test_a_trend_point_needs_enough_notes():
    drawing = pytest.importorskip("recordcheck.report.chart_drawing")
    few, many = chart_data.NOTES_FOR_A_POINT - 1, chart_data.NOTES_FOR_A_POINT
    report = report_of(
        [("C-1", "2024-01-10", FLAGGED)] * few + [("C-1", "2024-02-10", CLEAN)] * many
    )
    shape = chart_data.trend(report, summarise(report))
    all_checks = drawing.trend_figure(shape, ["Opinion", "Who present", "Sharing"]).axes[1].lines[0]
    january, february = all_checks.get_ydata()
    assert january != january and february == 0  # NaN: not drawn


# --- in the Word report ------------------------------------------------------------------


def test_the_sample_report_has_four_charts_each_with_alt_text_and_a_caption_of_figures():
    document, figures = figures_in(sample_report())
    assert len(figures) == 4
    for number, (properties, caption) in enumerate(figures, 1):
        assert len(properties.get("descr")) > 40
        assert caption.startswith(f"Figure {number}. ")
        assert any(character.isdigit() for character in caption.split(".", 1)[1])
    assert "Thames Valley Police 4" in figures[3][1]
    pictures = [shape for shape in document.inline_shapes]
    assert all(shape.width.cm == pytest.approx(chart_data.WIDTH_CM, abs=0.01) for shape in pictures)


def test_pictures_are_print_resolution_pngs(tmp_path):
    from PIL import Image

    written = write_audit(sample_report(), tmp_path, outputs=("audit-report.docx",))
    document = Document(str(written[0]))
    for shape in document.inline_shapes:
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        image = document.part.related_parts[blip.embed].blob
        with Image.open(io.BytesIO(image)) as picture:
            assert picture.format == "PNG"
            dots_per_inch = picture.width / (shape.width.cm / 2.54)
            assert dots_per_inch >= 200


def test_each_picture_holds_a_distinct_blank_of_its_figures_size_until_drawn():
    from PIL import Image

    report = sample_report()
    under_way = start_audit_document(report, summarise(report))
    doc = under_way._doc
    stand_ins = [stand_in for _, _, stand_in in doc.undrawn]
    assert len(stand_ins) == len(set(stand_ins)) == 4  # one picture file each, not shared
    sizes = [Image.open(io.BytesIO(stand_in)).size for stand_in in stand_ins]
    document = under_way.finish()
    drawn = [
        Image.open(io.BytesIO(document.part.related_parts[
            shape._inline.graphic.graphicData.pic.blipFill.blip.embed
        ].blob))
        for shape in document.inline_shapes
    ]
    assert [picture.size for picture in drawn] == sizes
    assert all(len(picture.getcolors(256 * 256) or ()) != 1 for picture in drawn)  # not blank
    assert not doc.undrawn


def test_a_figure_drawn_at_another_size_than_its_stand_in_is_said_to_be_and_resized(
    monkeypatch,
):
    from recordcheck.report import contents_pages
    from recordcheck.report.charts import draw_figures

    monkeypatch.setattr(contents_pages, "libreoffice", lambda: None)  # no layout left running
    report = sample_report()
    doc = start_audit_document(report, summarise(report))._doc
    assert draw_figures(doc)
    doc = start_audit_document(report, summarise(report))._doc
    shape, figure, _ = doc.undrawn[0]
    height_before = shape.height
    width, height = figure.get_size_inches()
    figure.set_size_inches(width, height * 2)
    assert not draw_figures(doc)
    assert abs(shape.height / height_before - 2) < 0.05  # its room on the page follows


def test_no_notes_gives_sentences_not_empty_charts():
    document, figures = figures_in(Report(results=()))
    assert figures == []
    text = all_text(document)
    assert "No notes were checked, so there is nothing to chart." in text
    assert "no partnership chart" in text


def test_undated_notes_without_contacts_give_sentences_for_the_trend_and_partnership():
    report = report_of([("C-1", None, FLAGGED), ("C-2", None, CLEAN)])
    document, figures = figures_in(report)
    assert len(figures) == 2  # by check, by case file
    text = all_text(document)
    assert "No note has a date, so there is no chart of findings over time." in text
    assert "The notes record no done or attempted contact with another agency" in text


def test_one_case_file_and_one_month_are_said_not_charted():
    report = report_of([("C-1", "2024-03-01", FLAGGED), ("C-1", "2024-03-20", CLEAN)])
    document, figures = figures_in(report)
    assert len(figures) == 1  # by check only
    text = all_text(document)
    assert "All the notes are from one case file, C-1: score " in text
    assert "All the dated notes are from Mar 2024: 50% (1 of 2 notes)" in text



def test_a_stray_old_date_leaves_the_year_labels_apart_and_the_empty_years_out_of_the_caption():
    drawing = pytest.importorskip("recordcheck.report.chart_drawing")
    report = report_of([("C-1", "1925-01-01", FLAGGED), ("C-2", "2024-03-01", CLEAN)])
    shape = chart_data.trend(report, summarise(report))
    rates = drawing.trend_figure(shape, ["Opinion", "Who present", "Sharing"]).axes[1]
    labels = [label.get_text() for label in rates.get_xticklabels() if label.get_text()]
    assert labels[0] == "1925" and len(labels) <= drawing.MOST_TICK_LABELS
    _, figures = figures_in(report)
    trend_caption = next(caption for _, caption in figures if "each year" in caption)
    assert "1926" not in trend_caption
    assert "No notes in 98 of the 100 years." in trend_caption
