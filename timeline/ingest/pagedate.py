"""The publication date of an HTML page, and truthfully where it came from.

Two sources, tried in this order, and nothing else:

1. **The page's metadata** (`html-metadata`): `<meta>` elements (Open Graph
   `article:published_time`, `itemprop="datePublished"`, `pubdate`, ...), JSON-LD
   `datePublished`, the canonical URL. htmldate reads them; it is given a page made of those
   elements alone, because on the whole page it goes on to guess from the body (any element
   whose class says "date", headings, bare dates in the text), and that is how a
   related-articles list's `<span class="date">Rabu, 13 Maret 2024</span>` became a page's
   publication date.
2. **The article's byline** (`html-byline`): the lines between the headline and the first
   paragraph of the article ("Oleh Sekar Ayuningtyas - Senin, 18 Maret 2024 | 09:15 WIB"). A
   `<time datetime>` there wins; else the earliest full date (day, month and year) written
   there, read by dateparser in the page's languages (the earliest, because a byline that says
   "Published 8 November, updated 9 November" was published on the 8th).

Boilerplate never dates a page: sidebars, navigation, footers, figures and their captions are
skipped (`aside`, `nav`, `footer`, `figure`, ... and the ARIA roles that mean the same), and
nothing after the article's first paragraph is read. A page whose metadata gives no date and
whose headline is not followed by a dated byline has no date: the user is asked for
--published rather than given a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from timeline.models.kinds import PublishedSource

MIN_DATE = "1995-01-01"
MAX_DATE = "2099-12-31"
"""Fixed bounds for every date read from a page (htmldate's default upper bound is today: the
tool never reads the clock, so the same page gives the same date whenever it is processed)."""

SKIPPED_TAGS = frozenset(
    {
        "aside",
        "nav",
        "footer",
        "figure",
        "figcaption",
        "script",
        "style",
        "noscript",
        "template",
        "form",
        "button",
        "select",
        "textarea",
        "iframe",
        "svg",
        "video",
        "audio",
        "picture",
        "object",
    }
)
"""Elements whose text is never a byline: the page around the article (sidebars, menus,
footers), captions of pictures (a photo's date is not the article's), and what is not text."""

SKIPPED_ROLES = frozenset({"complementary", "navigation", "contentinfo", "banner", "search"})
"""ARIA roles that mark the same boilerplate on a plain `<div>`."""

BYLINE_REACH = 400
"""At most this many characters after the headline are read as its byline: a byline is a line
or two (author, date, place); a longer stretch means the page's layout was not understood."""

PARAGRAPH_LENGTH = 100
"""A line of the article text at least this long (or ending a sentence) is a paragraph of the
article, where the byline has ended; shorter lines ("Penulis: Rahmat Fauzi · Senin, 14 Agustus
2023") can be the byline itself, which the text extractor sometimes keeps."""

HEADLINE_LENGTH = 20
"""A heading this long that begins the title (or that the title begins) shows it: a page's
`<title>` often adds the site's name, a short heading ("Berita") is no headline."""

_KEY_LENGTH = 40
_SENTENCE_END = re.compile(r"[.!?…\"'”’)]\s{0,3}$")
_SPACES = re.compile(r"\s{1,1000}")
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_BASES = (datetime(2001, 1, 1), datetime(2011, 7, 15))
"""Two reference times for dateparser: a date written in full reads the same from both; a
relative one ("2 jam lalu", "yesterday") does not, and is no byline date."""


@dataclass(frozen=True)
class PageDate:
    """A page's publication date, where it came from, and for a byline the words that say it."""

    day: date
    source: PublishedSource
    evidence: str | None = None


def page_date(html: str, title: str | None, text: str, languages: list[str]) -> PageDate | None:
    """The page's publication date from its metadata, else its byline, else None.

    `title` and `text` are the article's title and text as extracted (they locate the headline
    and the first paragraph); `languages` are the codes the byline's words may be in, the
    page's declared language first when it is one of them.
    """
    import htmldate

    tree = _parse(html)
    if tree is None:
        return None
    found = _metadata_date(htmldate, tree)
    if found is not None:
        return PageDate(found, "html-metadata")
    return _byline_date(tree, title, text, _ordered(languages, tree.get("lang")))


def _parse(html: str) -> Any:
    from lxml import etree
    from lxml import html as lxml_html

    if not html.strip():
        return None
    try:
        return lxml_html.document_fromstring(html)
    except ValueError:  # a str with an XML encoding declaration: parse its bytes
        try:
            return lxml_html.document_fromstring(html.encode("utf-8"))
        except (ValueError, etree.ParserError):
            return None
    except etree.ParserError:
        return None


def _in_boilerplate(element: Any) -> bool:
    return any(_skipped(ancestor) for ancestor in element.iterancestors())


# --------------------------------------------------------------------------------------------
# Metadata


def _metadata_date(htmldate: Any, tree: Any) -> date | None:
    """The date htmldate finds in the page's metadata elements alone (see the module docstring).

    `<meta>` elements count wherever they stand, except inside boilerplate (a related article's
    microdata in a sidebar is that article's date); JSON-LD and the canonical link anywhere."""
    from lxml import etree
    from lxml import html as lxml_html

    page = lxml_html.Element("html")
    head = etree.SubElement(page, "head")
    etree.SubElement(page, "body")
    for element in tree.iter("meta", "link", "script"):
        if element.tag == "link" and (element.get("rel") or "").lower() != "canonical":
            continue
        if element.tag == "script" and (element.get("type") or "").lower() not in (
            "application/ld+json",
            "application/settings+json",
        ):
            continue
        if element.tag == "meta" and _in_boilerplate(element):
            continue
        copy = etree.SubElement(head, element.tag, dict(element.attrib))
        copy.text = element.text
    try:
        found = htmldate.find_date(
            page,
            extensive_search=False,
            original_date=True,
            outputformat="%Y-%m-%d",
            min_date=MIN_DATE,
            max_date=MAX_DATE,
        )
    except (ValueError, TypeError):
        return None
    return _iso_day(found)


def _iso_day(value: object) -> date | None:
    if not isinstance(value, str) or not _ISO_DAY.match(value):
        return None
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return day if MIN_DATE <= day.isoformat() <= MAX_DATE else None


# --------------------------------------------------------------------------------------------
# Byline


def _normal(text: str) -> str:
    """Whitespace runs as one space, lowercase, length kept per character (for offsets)."""
    return "".join(
        char if len(char.lower()) != 1 else char.lower() for char in _SPACES.sub(" ", text)
    ).strip()


def _ordered(languages: list[str], declared: str | None) -> list[str]:
    """The page's declared language (`<html lang="id-ID">`) first, when it is one of ours: it
    decides how dateparser reads a numeric date ("03/04/2024")."""
    primary = (declared or "").split("-")[0].strip().lower()
    return sorted(languages, key=lambda code: code != primary)


def _headline(tree: Any, title: str | None) -> Any:
    """The heading that shows the article's title (the page's `<title>` may add the site's
    name: "Festival Kopi Gayo Kembali Digelar – Warta Dataran Tinggi"); None without one."""
    if not title:
        return None
    wanted = _normal(title)
    for element in tree.iter("h1", "h2", "h3"):
        shown = _normal(element.text_content())
        same = shown == wanted or (
            len(shown) >= HEADLINE_LENGTH and (wanted.startswith(shown) or shown.startswith(wanted))
        )
        if same and not _in_boilerplate(element):
            return element
    return None


def _first_paragraph(text: str, title: str | None) -> str | None:
    """The opening words of the article's first paragraph (see PARAGRAPH_LENGTH)."""
    wanted = _normal(title or "")
    for line in text.splitlines():
        line = line.strip()
        if not line or _normal(line) == wanted:
            continue
        if len(line) >= PARAGRAPH_LENGTH or _SENTENCE_END.search(line):
            return _normal(line)[:_KEY_LENGTH]
    return None


INLINE_TAGS = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "em", "font", "i", "label", "mark"}
    | {"q", "s", "small", "span", "strong", "sub", "sup", "time", "u"}
)
"""Elements inside a line of text; any other element starts and ends a line of its own."""


class _Reader:
    """The text that follows the headline in reading order, boilerplate skipped, whitespace as
    single spaces, with the `datetime` of each `<time>` element and where it stands."""

    def __init__(self, limit: int) -> None:
        self.pieces: list[str] = []
        self.length = 0
        self.limit = limit
        self.stamps: list[tuple[int, str]] = []

    def add(self, text: str | None) -> None:
        if not text:
            return
        text = _SPACES.sub(" ", text)
        if text.startswith(" ") and (not self.pieces or self.pieces[-1].endswith(" ")):
            text = text[1:]
        self.pieces.append(text)
        self.length += len(text)

    def full(self) -> bool:
        return self.length >= self.limit

    def text(self) -> str:
        return "".join(self.pieces)


def _following_text(tree: Any, headline: Any) -> _Reader:
    from lxml import etree

    reader = _Reader(BYLINE_REACH + 4000)
    started = False
    skipping = 0  # depth inside a skipped element
    for event, element in etree.iterwalk(tree, events=("start", "end")):
        block = not isinstance(element.tag, str) or element.tag.lower() not in INLINE_TAGS
        if event == "start":
            if skipping or _skipped(element):
                skipping += 1
                continue
            if started:
                if block:
                    reader.add(" ")
                if element.tag == "time" and element.get("datetime"):
                    reader.stamps.append((reader.length, element.get("datetime")))
                reader.add(element.text)
            continue
        if skipping:
            skipping -= 1
            if skipping:
                continue
        elif element is headline:
            started = True
        if started:
            if block:
                reader.add(" ")
            reader.add(element.tail)
            if reader.full():
                break
    return reader


def _byline_date(tree: Any, title: str | None, text: str, languages: list[str]) -> PageDate | None:
    headline = _headline(tree, title)
    paragraph = _first_paragraph(text, title)
    if headline is None or paragraph is None:
        return None
    reader = _following_text(tree, headline)
    following = reader.text()
    end = _normal(following).find(paragraph)
    if end < 0:
        return None
    end += len(following) - len(following.lstrip())  # _normal dropped the leading space
    end = min(end, BYLINE_REACH)
    for offset, value in reader.stamps:
        if offset < end:
            day = _iso_day(value.strip())
            if day is not None:
                return PageDate(day, "html-byline", f'<time datetime="{value.strip()}">')
    written = _written_dates(following[:end].strip(), languages)
    if not written:
        return None
    words, day = min(written, key=lambda found: (found[1], found[0]))
    return PageDate(day, "html-byline", words)


def _skipped(element: Any) -> bool:
    """True for an element that is boilerplate or no text (see SKIPPED_TAGS, SKIPPED_ROLES)."""
    if not isinstance(element.tag, str):  # a comment or a processing instruction
        return True
    tag = element.tag.lower()
    return tag in SKIPPED_TAGS or (element.get("role") or "").lower() in SKIPPED_ROLES


def _written_dates(byline: str, languages: list[str]) -> list[tuple[str, date]]:
    """The full dates (day, month and year) written in a byline, as dateparser reads them."""
    from dateparser.search import search_dates

    if not byline:
        return []
    readings = []
    for base in _BASES:
        settings = {
            "REQUIRE_PARTS": ["day", "month", "year"],
            "STRICT_PARSING": True,
            "RELATIVE_BASE": base,
        }
        found = search_dates(byline, languages=languages, settings=settings) or []
        readings.append({(words, moment.date()) for words, moment in found})
    same = readings[0] & readings[1]
    return sorted((words, day) for words, day in same if MIN_DATE <= day.isoformat() <= MAX_DATE)
