"""HTML news pages: the article text, its title and its publication date.

trafilatura separates the article from navigation, related links, comments and footers and reads
the title from the page's metadata; the publication date comes from the page's metadata or the
article's byline, never from boilerplate (ingest/pagedate.py says how and why).

Both are the optional `html` extra (they bring lxml); without them an HTML input is a one-line
usage error that names the install command. They are imported only when a page is read.
"""

from __future__ import annotations

import logging
import re

from timeline import languages
from timeline.ingest.inputs import (
    DEFAULT_ENCODING,
    Article,
    InputError,
    InputUsageError,
    check_encoding,
    decode,
    display_name,
)
from timeline.ingest.pagedate import page_date

INSTALL_HINT = "reading HTML needs the html extra: pip install 'timeline[html]'"

# A charset declared in the first bytes of the page: <meta charset="..."> or the http-equiv
# form. Bounded repetitions keep it linear; it runs on at most 4 KiB.
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,300}?charset\s{0,5}=\s{0,5}["']?\s{0,5}([A-Za-z0-9_.:-]{1,40})""",
    re.IGNORECASE,
)


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
        import htmldate  # noqa: F401  (pagedate.py reads the metadata with it)
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
    found = page_date(html, title, text, languages.available())
    return Article(
        text=text,
        title=title,
        source=source,
        published=found.day if found else None,
        published_source=found.source if found else None,
        published_evidence=found.evidence if found else None,
        kind="html",
    )
