"""Word reports edited with Track Changes on: inserted words are part of the note,
deleted words and comments are not."""

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from recordcheck.ingest import read_inputs

W = nsdecls("w")
WHEN = 'w:author="J. Smith" w:date="2025-03-14T16:02:00Z"'


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def inserted(text: str, change: int = 1) -> str:
    return f'<w:ins w:id="{change}" {WHEN}>{run(text)}</w:ins>'


def deleted(text: str, change: int = 2) -> str:
    return (
        f'<w:del w:id="{change}" {WHEN}><w:r>'
        f'<w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'
    )


def paragraph(*inner: str, mark_deleted: bool = False) -> str:
    mark = f'<w:pPr><w:rPr><w:del w:id="9" {WHEN}/></w:rPr></w:pPr>' if mark_deleted else ""
    return f"<w:p {W}>{mark}{''.join(inner)}</w:p>"


def add_xml(container, xml: str) -> None:
    """Append a block (paragraph, table, content control) as Word writes it."""
    element = parse_xml(xml)
    if hasattr(container, "_tc"):  # a table cell
        container._tc.append(element)
    else:  # the body: its last block stands before the section properties
        container.element.body.sectPr.addprevious(element)


def read_one(path):
    return list(read_inputs([path]))


def test_inserted_words_are_read_and_deleted_words_and_comments_are_not(tmp_path):
    document = docx.Document()
    document.add_paragraph("Case: 4471")
    add_xml(document, paragraph(inserted("14/03/2025 10:30 - Home Visit - J. Smith")))
    add_xml(document, paragraph(
        run("Visited "), deleted("Mrs Ahmed"), inserted("Mrs Begum", 3), run(" at home."),
        deleted(" She seemed drunk.", 4),
    ))
    later = document.add_paragraph("Her son Wojciech was present.")
    document.add_comment(later.runs, text="Supervisor: who else was there?", author="K. Lee")
    path = tmp_path / "chronology.docx"
    document.save(path)

    [note] = read_one(path)

    assert note.text == "Visited Mrs Begum at home.\nHer son Wojciech was present."
    assert (note.case_id, note.date, note.note_type) == ("4471", "2025-03-14", "Home Visit")
    assert "Supervisor" not in note.text and "drunk" not in note.text


def test_a_paragraph_whose_mark_was_deleted_joins_the_next(tmp_path):
    document = docx.Document()
    document.add_paragraph("14/03/2025 - Phone call")
    add_xml(document, paragraph(run("Rang the GP"), mark_deleted=True))
    add_xml(document, paragraph(inserted(" and the pharmacy"), run(" about the tablets.")))
    path = tmp_path / "r.docx"
    document.save(path)

    [note] = read_one(path)

    assert note.text == "Rang the GP and the pharmacy about the tablets."


def test_a_table_of_notes_with_tracked_changes_and_a_deleted_row(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=4, cols=3)
    for cells, values in zip(
        table.rows, [("Date", "Recorded By", "Note"), ("14/03/2025", "J. Smith", ""),
                     ("15/03/2025", "A. Khan", "Duplicate entry."),
                     ("16/03/2025", "A. Khan", "Rang school.")],
        strict=True,
    ):
        for cell, value in zip(cells.cells, values, strict=True):
            cell.text = value
    note_cell = table.rows[1].cells[2]
    note_cell._tc.remove(note_cell.paragraphs[0]._p)
    add_xml(note_cell, paragraph(run("Seen "), deleted("with mum"), inserted("alone", 5), run(".")))
    add_xml(note_cell, paragraph(inserted("Flat tidy.", 6)))
    table.rows[2]._tr.get_or_add_trPr().append(parse_xml(f'<w:del {W} w:id="7" {WHEN}/>'))
    path = tmp_path / "table.docx"
    document.save(path)

    notes = read_one(path)

    assert [(n.row, n.date, n.text) for n in notes] == [
        (1, "2025-03-14", "Seen alone.\nFlat tidy."),
        (2, "2025-03-16", "Rang school."),
    ]


def test_text_in_a_content_control_is_read(tmp_path):
    document = docx.Document()
    document.add_paragraph("14/03/2025 - Visit")
    add_xml(document, (
        f"<w:sdt {W}><w:sdtPr><w:alias w:val=\"Narrative\"/></w:sdtPr><w:sdtContent>"
        f"{paragraph(run('Seen at the family home.'))}</w:sdtContent></w:sdt>"
    ))
    add_xml(document, paragraph(
        run("Dad "),
        f"<w:sdt><w:sdtContent>{run('and his partner')}</w:sdtContent></w:sdt>",
        run(" present."),
    ))
    path = tmp_path / "form.docx"
    document.save(path)

    [note] = read_one(path)

    assert note.text == "Seen at the family home.\nDad and his partner present."
