"""TimeML output: the document text with inline TIMEX3 tags and its DCT, as TempEval-3 files are.

The layout follows the TempEval-3 `.tml` files (DOCID, DCT, TITLE, TEXT inside a TimeML root), so
their scorers and readers take it as is. The text inside <TEXT> is exactly the text we extracted
from: no newline is added after the tag, carriage returns are written as character references
(an XML parser would otherwise turn CR LF into LF) and characters XML 1.0 forbids become U+FFFD,
one for one, so every code-point offset read back from the file equals the span we printed.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from timeline.models.document import Document, Timex

TIMEML_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n'


def _forbidden() -> dict[int, str]:
    """Code points XML 1.0 forbids even as references: C0 controls but tab, LF and CR,
    lone surrogates, U+FFFE and U+FFFF. Each becomes U+FFFD, one for one."""
    table = {code: "\ufffd" for code in range(0x20) if code not in (0x9, 0xA, 0xD)}
    table.update({code: "\ufffd" for code in range(0xD800, 0xE000)})
    table.update({0xFFFE: "\ufffd", 0xFFFF: "\ufffd"})
    return table


_XML_SAFE = _forbidden()
_XML_TEXT = {**_XML_SAFE, ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", 0xD: "&#13;"}


def xml_text(text: str) -> str:
    """Escape text for XML content, keeping one character per code point of the input."""
    return text.translate(_XML_TEXT)


def _attributes(timex: Timex) -> str:
    pairs: list[tuple[str, str]] = [
        ("tid", timex.id),
        ("type", timex.type),
        ("value", timex.value),
    ]
    if timex.mod:
        pairs.append(("mod", timex.mod))
    anchored = timex.anchor_id is not None
    pairs.append(("temporalFunction", "true" if anchored else "false"))
    if anchored:
        pairs.append(("anchorTimeID", timex.anchor_id or ""))
    pairs.append(("functionInDocument", "NONE"))
    return " ".join(f"{name}={quoteattr(xml_attribute(value))}" for name, value in pairs)


def xml_attribute(value: str) -> str:
    """An attribute value with no character XML forbids (quoteattr escapes the rest)."""
    return value.translate(_XML_SAFE)


def tagged_text(text: str, timexes: list[Timex]) -> tuple[str, list[str]]:
    """The text with inline TIMEX3 tags, and the ids of timexes left out because they overlap
    one already tagged (TIMEX3 tags cannot nest or cross)."""
    pieces: list[str] = []
    skipped: list[str] = []
    position = 0
    for timex in sorted(timexes, key=lambda t: (t.span[0], -t.span[1])):
        begin, end = timex.span
        if begin < position or end > len(text) or begin >= end:
            skipped.append(timex.id)
            continue
        pieces.append(xml_text(text[position:begin]))
        pieces.append(f"<TIMEX3 {_attributes(timex)}>{xml_text(text[begin:end])}</TIMEX3>")
        position = end
    pieces.append(xml_text(text[position:]))
    return "".join(pieces), skipped


def render_timeml(document: Document, text: str) -> str:
    """A TimeML document for `document`, extracted from `text` (spans index into it)."""
    dct = document.published
    tagged, skipped = tagged_text(text, list(document.timexes))
    lines = [
        TIMEML_HEADER.rstrip("\n"),
        '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">',
        f"<DOCID>{xml_text(document.id)}</DOCID>",
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>',
    ]
    if document.title:
        lines.append(f"<TITLE>{xml_text(document.title)}</TITLE>")
    if skipped:
        lines.append(f"<!-- overlapping TIMEX3 not tagged: {' '.join(skipped)} -->")
    lines.append(f"<TEXT>{tagged}</TEXT>")
    lines.append("</TimeML>")
    return "\n".join(lines)
