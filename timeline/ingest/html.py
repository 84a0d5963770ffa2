"""HTML news pages: the article text, its title and its publication date.

trafilatura separates the article from navigation, related links, comments and footers and reads
the title from the page's metadata; htmldate finds the publication date in the markup (Open Graph
`article:published_time`, JSON-LD `datePublished`, `<time>` elements, the canonical URL), asked
for the original date rather than the last update, since the publication date is the reference a
news text's "yesterday" counts from. Its free-text guessing is off: a date found in the body is
no evidence of when the page was published.

Both are the optional `html` extra (they bring lxml); without them an HTML input is a one-line
usage error that names the install command. They are imported only when a page is read.
"""

from __future__ import annotations

import logging
import re
from datetime import date

from timeline.ingest.inputs import (
    DEFAULT_ENCODING,
    Article,
    InputError,
    InputUsageError,
    check_encoding,
    decode,
    display_name,
)

INSTALL_HINT = "reading HTML needs the html extra: pip install 'timeline[html]'"

# A charset declared in the first bytes of the page: <meta charset="..."> or the http-equiv
# form. Bounded repetitions keep it linear; it runs on at most 4 KiB.
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,300}?charset\s{0,5}=\s{0,5}["']?\s{0,5}([A-Za-z0-9_.:-]{1,40})""",
    re.IGNORECASE,
)
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Fixed bounds for htmldate, whose default upper bound is today: the tool never reads the clock,
# so the same page gives the same date whenever it is processed.
MIN_DATE = "1995-01-01"
MAX_DATE = "2099-12-31"


def _quiet(*names: str) -> None:
    """Keep library log records off stderr: the CLI prints one line per problem, no more."""
    for name in names:
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
        logger.propagate = False


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares for itself in its first 4 KiB, if Python knows it."""
    match = _DECLARED_CHARSET.search(data[:4096])
    if match is None:
        return None
    try:
        return check_encoding(match.group(1).decode("ascii"))
    except (InputError, UnicodeDecodeError):
        return None


def decode_html(data: bytes, source: str, encoding: str | None) -> str:
    """The page as text: the given encoding (UTF-8 by default), else the charset it declares."""
    name = display_name(source)
    try:
        return decode(data, encoding or DEFAULT_ENCODING, name)
    except InputUsageError:
        raise
    except InputError:
        declared = declared_charset(data)
        if declared is None or declared == check_encoding(encoding or DEFAULT_ENCODING):
            raise
        return decode(data, declared, name)


def parse_html(data: bytes, source: str, encoding: str | None = None) -> Article:
    """Article text, title and publication date of an HTML page (see the module docstring).

    A page with no article text gives an empty text (an empty timeline, not an error); a page
    with no date gives `published` None, and the caller asks for --published.
    """
    try:
        import htmldate
        import trafilatura
    except ImportError:
        raise InputUsageError(INSTALL_HINT) from None
    _quiet("trafilatura", "htmldate", "courlan", "justext")
    html = decode_html(data, source, encoding)
    extracted = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
    )
    text = ""
    title = None
    if extracted is not None:
        text = (getattr(extracted, "text", None) or "").strip()
        title = (getattr(extracted, "title", None) or "").strip() or None
    published = _page_date(htmldate, html)
    return Article(
        text=text,
        title=title,
        source=source,
        published=published,
        published_source="html-metadata" if published is not None else None,
        kind="html",
    )


def _page_date(htmldate: object, html: str) -> date | None:
    """The page's original publication date, or None when its markup gives none."""
    try:
        found = htmldate.find_date(  # type: ignore[attr-defined]
            html,
            extensive_search=False,
            original_date=True,
            outputformat="%Y-%m-%d",
            min_date=MIN_DATE,
            max_date=MAX_DATE,
        )
    except (ValueError, TypeError):
        return None
    if not found or not _ISO_DAY.fullmatch(found):
        return None
    try:
        return date.fromisoformat(found)
    except ValueError:
        return None
