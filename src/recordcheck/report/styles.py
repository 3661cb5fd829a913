"""The report's look: fonts, heading colours and the few styles of its own.

The bundled template is built from these definitions (templates/build_template.py),
and the writer adds any of the report's own styles that an organisation's
template lacks, so a plain Word template still produces a complete report.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

FONT = "Arial"
NAVY = RGBColor(0x1F, 0x38, 0x64)
GREY = RGBColor(0x59, 0x59, 0x59)
TEXT_WIDTH_CM = 16.6  # A4 less 2.2 cm margins, as the bundled template sets them


@dataclass(frozen=True)
class ParagraphLook:
    name: str
    size: float
    base: str = "Normal"
    color: RGBColor | None = None
    bold: bool | None = None
    italic: bool | None = None
    before: float | None = None  # points
    after: float | None = None
    indent_cm: float | None = None
    keep_with_next: bool | None = None
    left_bar: str | None = None  # hex colour of a bar down the left edge
    outline: int | None = None  # 0 for Heading 1: what the navigation pane and TOC read
    right_tab_cm: float | None = None  # the only tab stop, right-aligned (headers, footers)


# Styles Word already has, restyled for the house look.
BUILT_IN = (
    ParagraphLook("Normal", 10.5, after=6),
    ParagraphLook("Title", 28, color=NAVY, bold=True, after=6),
    ParagraphLook("Subtitle", 15, color=GREY, italic=False, after=18),
    ParagraphLook(
        "Heading 1", 16, color=NAVY, bold=True, before=18, after=8, keep_with_next=True, outline=0
    ),
    ParagraphLook(
        "Heading 2", 13, color=NAVY, bold=True, before=14, after=6, keep_with_next=True, outline=1
    ),
    ParagraphLook(
        "Heading 3", 11, color=NAVY, bold=True, before=10, after=4, keep_with_next=True, outline=2
    ),
    ParagraphLook(
        "Quote",
        10,
        color=RGBColor(0x26, 0x26, 0x26),
        italic=False,
        before=4,
        after=2,
        indent_cm=0.6,
        left_bar="A6A6A6",
        keep_with_next=True,  # a quotation stays on the page with why it was flagged
    ),
    ParagraphLook("Header", 8.5, color=GREY, after=0, right_tab_cm=TEXT_WIDTH_CM),
    ParagraphLook("Footer", 8.5, color=GREY, after=0, right_tab_cm=TEXT_WIDTH_CM),
)

# The report's own styles; added to any template that lacks them.
OWN = (
    ParagraphLook("Table Text", 9, after=0),
    ParagraphLook("Small Print", 8.5, color=GREY, after=4),
    ParagraphLook("Suggestion", 9.5, color=RGBColor(0x1E, 0x5B, 0x2E), indent_cm=0.6, after=4),
    ParagraphLook(
        "Example Source", 8.5, color=GREY, indent_cm=0.6, before=8, after=0, keep_with_next=True
    ),
    ParagraphLook("Label", 12, color=NAVY, bold=True, after=2, keep_with_next=True),
    ParagraphLook("Callout", 10, color=NAVY, before=6, after=10, indent_cm=0.3, left_bar="1F3864"),
    ParagraphLook("toc 1", 10.5, before=4, after=2),
    ParagraphLook("toc 2", 10, after=0, indent_cm=0.6),
)


# WordprocessingML fixes the order of paragraph properties; these may follow a border
_AFTER_BORDER = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:spacing",
    "w:ind",
    "w:jc",
    "w:outlineLvl",
    "w:rPr",
)


def _left_bar(style, colour: str) -> None:
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for attribute, value in (("val", "single"), ("sz", "18"), ("space", "8"), ("color", colour)):
        left.set(qn(f"w:{attribute}"), value)
    borders.append(left)
    style.element.get_or_add_pPr().insert_element_before(borders, *_AFTER_BORDER)


def _outline_level(style, level: int) -> None:
    properties = style.element.get_or_add_pPr()
    if properties.find(qn("w:outlineLvl")) is None:
        element = OxmlElement("w:outlineLvl")
        element.set(qn("w:val"), str(level))
        properties.insert_element_before(element, "w:divId", "w:cnfStyle", "w:rPr")


def _use_font(style) -> None:
    """Set the font outright: the default template ties headings to theme fonts."""
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attribute}"), None)
    style.font.name = FONT


def _apply(style, look: ParagraphLook) -> None:
    _use_font(style)
    style.font.size = Pt(look.size)
    if look.color is not None:
        style.font.color.rgb = look.color
    if look.bold is not None:
        style.font.bold = look.bold
    if look.italic is not None:
        style.font.italic = look.italic
    layout = style.paragraph_format
    if look.before is not None:
        layout.space_before = Pt(look.before)
    if look.after is not None:
        layout.space_after = Pt(look.after)
    if look.indent_cm is not None:
        layout.left_indent = Cm(look.indent_cm)
    if look.keep_with_next is not None:
        layout.keep_with_next = look.keep_with_next
    if look.left_bar:
        _left_bar(style, look.left_bar)
    if look.right_tab_cm is not None:
        layout.tab_stops.clear_all()
        layout.tab_stops.add_tab_stop(Cm(look.right_tab_cm), WD_TAB_ALIGNMENT.RIGHT)
    if look.outline is not None:
        _outline_level(style, look.outline)


def _restyle_table_grid(document: Document) -> None:
    """Light grey rules instead of Word's black grid, and roomier cells."""
    properties = document.styles["Table Grid"].element.find(qn("w:tblPr"))
    if properties is None:
        return
    for edge in properties.iterfind(f"{qn('w:tblBorders')}/*"):
        edge.set(qn("w:color"), "BFBFBF")
    for margin in properties.iterfind(f"{qn('w:tblCellMar')}/*"):
        margin.set(qn("w:w"), "45" if margin.tag in (qn("w:top"), qn("w:bottom")) else "100")


def _british_english(document: Document) -> None:
    """Spell-check in UK English, the language the notes and the standard are written in."""
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "en-GB")
    properties = document.styles["Normal"].element.get_or_add_rPr()
    properties.insert_element_before(language, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    document.core_properties.language = "en-GB"


def apply_house_style(document: Document) -> None:
    """Restyle a document completely (used to build the bundled template)."""
    for look in BUILT_IN + OWN:
        _apply(_get_or_add(document, look), look)
    _restyle_table_grid(document)
    _british_english(document)


def ensure_report_styles(document: Document) -> None:
    """Add every style the report uses that a template does not define.

    A template saved from Word only holds the styles it has used, so even
    the headings may be missing.
    """
    names = {style.name for style in document.styles}
    for look in BUILT_IN + OWN:
        if look.name not in names:
            _apply(_get_or_add(document, look), look)


def _get_or_add(document: Document, look: ParagraphLook):
    if look.name in {style.name for style in document.styles}:
        return document.styles[look.name]
    style = document.styles.add_style(look.name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles[look.base]
    style.quick_style = True
    return style
