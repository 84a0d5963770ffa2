"""Gold corpora: read hand-annotated temporal expressions so the extractor can be measured.

Two formats are read into the same `GoldDocument`:
- TimeML `.tml` files (TempEval-3 style), the format of the public research corpora: the
  document creation time is the reference date, and the gold TIMEX3 tags are stripped from the
  text and kept as code-point spans into what remains, so they line up with our own spans.
- The project's JSON annotation format (docs/annotation-format.md), which journalists can write
  by hand for their own news, in any language we support, with expected intervals too. A JSON
  document may name its text instead of holding it (`source`: a corpus, a record id and the
  text's sha256), for texts whose licence forbids copying them into the repository; the text
  is then read from the corpora folder and checked against the checksum.

Every problem is a `GoldError` with one line naming the file, the document and the annotation, so
an annotator can fix a typo without reading a traceback. Nothing here imports the extractor.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any, Literal

TIMEX_TYPES: tuple[str, ...] = ("DATE", "TIME", "DURATION", "SET")
"""The four TIMEX3 types; anything else in a gold file is a typo."""

TIMEX_MODS: tuple[str, ...] = (
    "BEFORE",
    "AFTER",
    "ON_OR_BEFORE",
    "ON_OR_AFTER",
    "LESS_THAN",
    "MORE_THAN",
    "EQUAL_OR_LESS",
    "EQUAL_OR_MORE",
    "START",
    "MID",
    "END",
    "APPROX",
)
"""TIMEX3 `mod` values allowed by TimeML 1.2.1."""

GOLD_SUFFIXES: tuple[str, ...] = (".tml", ".json")

DOCUMENT_KEYS = frozenset(
    {"id", "text", "source", "published", "lang", "timexes", "events", "title", "url", "note"}
)
TIMEX_KEYS = frozenset({"tid", "span", "text", "type", "value", "mod", "start", "end", "note"})
EVENT_KEYS = frozenset({"eid", "span", "text", "class", "times", "relation", "note"})
SOURCE_KEYS = frozenset({"corpus", "id", "sha256"})

DEFAULT_CORPORA = Path("..") / "shared" / "corpora"
"""Where standoff documents find their corpora when neither --corpora nor TIMELINE_CORPORA
says: ../shared/corpora from the current folder (the repository's root)."""

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# An interval bound as the project writes it: a day, or a minute with an optional zone.
_BOUND = re.compile(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?:[+-]\d{2}:\d{2})?)?")
_LANG = re.compile(r"[a-z]{2,3}")


class GoldError(ValueError):
    """A gold file that cannot be used; the message is one line: file, document, problem."""


class GoldPathError(GoldError):
    """The paths given hold no gold file at all (missing path, empty folder): a usage error."""


class GoldSourceMissing(GoldError):
    """A standoff document's corpus is not where it was looked for: the set cannot be scored
    here (tests skip on it)."""


def corpora_folder(given: str | Path | None = None) -> Path:
    """The folder of corpora standoff documents name: `given`, else $TIMELINE_CORPORA, else
    ../shared/corpora."""
    if given is not None:
        return Path(given)
    return Path(os.environ.get("TIMELINE_CORPORA") or DEFAULT_CORPORA)


@dataclass(frozen=True)
class GoldTimex:
    """One annotated expression: where it is, and the TIMEX3 attributes it should get."""

    span: tuple[int, int]
    text: str
    type: str
    value: str
    mod: str | None = None
    start: str | None = None
    end: str | None = None
    tid: str | None = None


@dataclass(frozen=True)
class GoldEvent:
    """One annotated happening: its head word, and the expressions (by tid) it is linked to,
    each with its TimeML relation read from the event's side (`relations`, same order)."""

    span: tuple[int, int]
    text: str
    times: tuple[str, ...] = ()
    relation: str | None = None
    event_class: str | None = None
    relations: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldDocument:
    """A text, its reference date and its gold expressions (sorted by span)."""

    id: str
    text: str
    published: date
    lang: str | None
    timexes: tuple[GoldTimex, ...]
    source: str
    format: Literal["timeml", "json"]
    events: tuple[GoldEvent, ...] = ()


# --------------------------------------------------------------------------------------------
# TimeML


def _local(tag: object) -> str:
    """An element's tag without a namespace, so a namespaced TimeML file reads the same."""
    name = tag if isinstance(tag, str) else ""
    return name.rsplit("}", 1)[-1]


def read_timeml(path: str | Path) -> GoldDocument:
    """One TimeML document: plain text of <TEXT>, its DCT, and its TIMEX3 tags as spans.

    The text is rebuilt from ElementTree's .text/.tail pieces, so entities come back unescaped
    and every offset counts code points of exactly the string we hand to the extractor.
    A TIMEX3 with no text (a non-consuming TimeML anchor) cannot be found in text; it is skipped.
    """
    name = str(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise GoldError(f"{name}: not well-formed XML ({exc})") from None
    except OSError as exc:
        raise GoldError(f"{name}: cannot read ({exc.strerror or exc})") from None
    text_element = next((e for e in root.iter() if _local(e.tag) == "TEXT"), None)
    if text_element is None:
        raise GoldError(f"{name}: no <TEXT> element")
    published = _timeml_dct(root, name)
    pieces: list[str] = []
    found: list[tuple[int, int, dict[str, str]]] = []
    events: list[tuple[int, int, dict[str, str]]] = []
    length = 0

    def visit(element: ET.Element) -> None:
        nonlocal length
        if element.text:
            pieces.append(element.text)
            length += len(element.text)
        for child in element:
            begin = length
            visit(child)
            if _local(child.tag) == "TIMEX3":
                found.append((begin, length, dict(child.attrib)))
            elif _local(child.tag) == "EVENT":
                events.append((begin, length, dict(child.attrib)))
            if child.tail:
                pieces.append(child.tail)
                length += len(child.tail)

    visit(text_element)
    text = "".join(pieces)
    timexes = []
    for begin, end, attrib in sorted(found, key=lambda item: (item[0], item[1])):
        if begin == end:
            continue
        where = f"{name}: TIMEX3 {attrib.get('tid', '?')} at [{begin}, {end}]"
        kind = attrib.get("type", "")
        if kind not in TIMEX_TYPES:
            raise GoldError(f"{where}: type {kind!r} is not one of {', '.join(TIMEX_TYPES)}")
        value = attrib.get("value", "")
        if not value:
            raise GoldError(f"{where}: no value")
        timexes.append(
            GoldTimex(
                (begin, end),
                text[begin:end],
                kind,
                value,
                attrib.get("mod") or None,
                tid=attrib.get("tid"),
            )
        )
    return GoldDocument(
        id=Path(name).stem,
        text=text,
        published=published,
        lang=None,
        timexes=tuple(timexes),
        source=name,
        format="timeml",
        events=_timeml_events(root, text, events, {t.tid for t in timexes if t.tid}),
    )


# An event-time link as TimeML writes it from the event's side (event IS_INCLUDED time), and the
# same relation written from the time's side (time INCLUDES event).
_FROM_TIME_SIDE = {
    "INCLUDES": "IS_INCLUDED",
    "IS_INCLUDED": "INCLUDES",
    "BEGINS": "BEGUN_BY",
    "BEGUN_BY": "BEGINS",
    "ENDS": "ENDED_BY",
    "ENDED_BY": "ENDS",
    "BEFORE": "AFTER",
    "AFTER": "BEFORE",
    "IBEFORE": "IAFTER",
    "IAFTER": "IBEFORE",
}


def _timeml_events(
    root: ET.Element,
    text: str,
    spans: list[tuple[int, int, dict[str, str]]],
    tids: set[str],
) -> tuple[GoldEvent, ...]:
    """The gold EVENTs with the times their TLINKs relate them to (times in the text only: a
    link to the document date is not a time the text gives). Links are read from the event's
    side: 'time INCLUDES event' is 'event IS_INCLUDED time'."""
    instances = {
        e.get("eiid", ""): e.get("eventID", "")
        for e in root.iter()
        if _local(e.tag) == "MAKEINSTANCE"
    }
    links: dict[str, list[tuple[str, str]]] = {}
    for link in root.iter():
        if _local(link.tag) != "TLINK":
            continue
        relation = link.get("relType", "")
        event = instances.get(link.get("eventInstanceID", ""))
        time = link.get("relatedToTime")
        if event is None:
            event = instances.get(link.get("relatedToEventInstance", ""))
            time = link.get("timeID")
            relation = _FROM_TIME_SIDE.get(relation, relation)
        if event and time in tids:
            links.setdefault(event, []).append((time, relation))
    result = []
    for begin, end, attrib in sorted(spans, key=lambda item: (item[0], item[1])):
        if begin == end:
            continue
        related = links.get(attrib.get("eid", ""), [])
        result.append(
            GoldEvent(
                (begin, end),
                text[begin:end],
                tuple(time for time, _ in related),
                ",".join(relation for _, relation in related) or None,
                attrib.get("class"),
                tuple(relation for _, relation in related),
            )
        )
    return tuple(result)


def _timeml_dct(root: ET.Element, name: str) -> date:
    """The document creation time as a day: the reference every relative expression uses."""
    dct = next((e for e in root.iter() if _local(e.tag) == "DCT"), None)
    timex = None
    if dct is not None:
        timex = next((e for e in dct.iter() if _local(e.tag) == "TIMEX3"), None)
    value = timex.get("value", "") if timex is not None else ""
    if not value:
        raise GoldError(f"{name}: no document date (<DCT><TIMEX3 value=...>)")
    day = value[:10]
    try:
        if not _ISO_DAY.fullmatch(day):
            raise ValueError(day)
        return date.fromisoformat(day)
    except ValueError:
        raise GoldError(f"{name}: DCT value {value!r} does not start with YYYY-MM-DD") from None


# --------------------------------------------------------------------------------------------
# JSON annotation format


def read_json(path: str | Path, corpora: Path | None = None) -> list[GoldDocument]:
    """The documents of one JSON annotation file: a single object or a list of them."""
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise GoldError(f"{name}: cannot read ({exc.strerror or exc})") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise GoldError(f"{name}: not UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise GoldError(
            f"{name}: not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None
    if isinstance(data, dict):
        return [parse_json_document(data, name, name, corpora)]
    if isinstance(data, list):
        return [
            parse_json_document(item, name, f"{name}: document {number}", corpora)
            for number, item in enumerate(data, start=1)
        ]
    raise GoldError(f"{name}: expected a document object or a list of them")


def _check_object(data: Any, allowed: frozenset[str], where: str, what: str) -> None:
    """A JSON object with no keys beyond `allowed`, else one line saying what was expected."""
    if not isinstance(data, dict):
        raise GoldError(f"{where}: expected {what}")
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise GoldError(
            f"{where}: unknown key {unknown[0]!r}; allowed: {', '.join(sorted(allowed))}"
        )


def parse_json_document(
    data: Any, source: str, where: str, corpora: Path | None = None
) -> GoldDocument:
    """Validate one annotated document from file `source`; `where` prefixes every error."""
    _check_object(data, DOCUMENT_KEYS, where, "a JSON object with id, text, published, timexes")
    doc_id = data.get("id")
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise GoldError(f"{where}: 'id' must be a non-empty string")
    where = f"{where} ({doc_id})"
    if "source" in data and "text" not in data:
        text = _standoff_text(data["source"], corpora or corpora_folder(), where)
    else:
        text = data.get("text")
    if not isinstance(text, str):
        raise GoldError(f"{where}: 'text' must be a string (or give 'source' instead)")
    published = _json_published(data.get("published"), where)
    lang = data.get("lang")
    if lang is not None and (not isinstance(lang, str) or not _LANG.fullmatch(lang)):
        raise GoldError(f"{where}: 'lang' must be a language code such as 'id' or 'en'")
    items = data.get("timexes", [])
    if not isinstance(items, list):
        raise GoldError(f"{where}: 'timexes' must be a list")
    timexes: list[GoldTimex] = []
    search_from = 0
    for number, item in enumerate(items, start=1):
        timex = _json_timex(item, text, search_from, f"{where}: timex {number}")
        search_from = timex.span[1]
        timexes.append(timex)
    ordered = sorted(timexes, key=lambda t: t.span)
    tids = {t.tid for t in ordered if t.tid is not None}
    raw_events = data.get("events", [])
    if not isinstance(raw_events, list):
        raise GoldError(f"{where}: 'events' must be a list")
    events = tuple(
        _json_event(item, text, tids, f"{where}: event {number}")
        for number, item in enumerate(raw_events, start=1)
    )
    for before, after in pairwise(ordered):
        if after.span[0] < before.span[1]:
            raise GoldError(
                f"{where}: timex {list(after.span)} {after.text!r} overlaps "
                f"{list(before.span)} {before.text!r}; TIMEX3 spans never overlap"
            )
    return GoldDocument(
        id=doc_id,
        text=text,
        published=published,
        lang=lang,
        timexes=tuple(ordered),
        source=source,
        format="json",
        events=events,
    )


def _json_published(value: Any, where: str) -> date:
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
        raise GoldError(f"{where}: 'published' must be a date YYYY-MM-DD, got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise GoldError(f"{where}: 'published' {value!r} is no such date") from None


def _json_timex(item: Any, text: str, search_from: int, where: str) -> GoldTimex:
    """One annotation. Without a span, its "text" is looked up after the previous annotation."""
    _check_object(item, TIMEX_KEYS, where, "an object with span, type, value")
    surface = item.get("text")
    if surface is not None and (not isinstance(surface, str) or not surface):
        raise GoldError(f"{where}: 'text' must be a non-empty string")
    if "span" in item:
        span = _json_span(item["span"], text, where)
        if surface is not None and text[span[0] : span[1]] != surface:
            hint = _find_word(text, surface, 0)
            found = f" ({surface!r} is at {list(hint)})" if hint else ""
            raise GoldError(
                f"{where}: text at span {list(span)} is {text[span[0] : span[1]]!r}, "
                f"not {surface!r}{found}"
            )
    elif surface is not None:
        located = _find_word(text, surface, search_from)
        if located is None:
            raise GoldError(
                f"{where}: {surface!r} not found in the text after offset {search_from} "
                "(annotations without a span are looked up in order)"
            )
        span = located
    else:
        raise GoldError(f"{where}: give 'span' [begin, end], or the expression's 'text'")
    kind = item.get("type")
    if kind not in TIMEX_TYPES:
        raise GoldError(f"{where}: 'type' {kind!r} is not one of {', '.join(TIMEX_TYPES)}")
    value = item.get("value")
    if not isinstance(value, str) or not value or any(c.isspace() for c in value):
        raise GoldError(f"{where}: 'value' must be a TIMEX3 value such as 2024-06, got {value!r}")
    mod = item.get("mod")
    if mod is not None and mod not in TIMEX_MODS:
        raise GoldError(f"{where}: 'mod' {mod!r} is not one of {', '.join(TIMEX_MODS)}")
    start, end = item.get("start"), item.get("end")
    if (start is None) != (end is None):
        raise GoldError(f"{where}: give both 'start' and 'end' of the interval, or neither")
    for label, bound in (("start", start), ("end", end)):
        if bound is not None and (not isinstance(bound, str) or not _BOUND.fullmatch(bound)):
            raise GoldError(
                f"{where}: '{label}' must be YYYY-MM-DD or YYYY-MM-DDTHH:MM[+HH:MM], got {bound!r}"
            )
    if start is not None and len(start) == len(end) and not start < end:
        raise GoldError(f"{where}: interval [{start}, {end}) is empty; end is exclusive")
    tid = item.get("tid")
    if tid is not None and (not isinstance(tid, str) or not tid):
        raise GoldError(f"{where}: 'tid' must be a non-empty string")
    return GoldTimex(span, text[span[0] : span[1]], kind, value, mod, start, end, tid)


def _json_event(item: Any, text: str, tids: set[str], where: str) -> GoldEvent:
    """One annotated happening: its word's span and the tids of the expressions dating it."""
    _check_object(item, EVENT_KEYS, where, "an object with span, text, times")
    span = _json_span(item.get("span"), text, where)
    surface = item.get("text")
    if surface is not None and text[span[0] : span[1]] != surface:
        raise GoldError(f"{where}: text at span {list(span)} is {text[span[0] : span[1]]!r}")
    times = item.get("times", [])
    if not isinstance(times, list) or not all(isinstance(t, str) for t in times):
        raise GoldError(f"{where}: 'times' must be a list of timex ids")
    unknown = [t for t in times if t not in tids]
    if unknown:
        raise GoldError(f"{where}: 'times' names {unknown[0]!r}, which no timex has as its tid")
    relation, event_class = item.get("relation"), item.get("class")
    return GoldEvent(
        span,
        text[span[0] : span[1]],
        tuple(times),
        relation,
        event_class,
        tuple(relation or "IS_INCLUDED" for _ in times),
    )


_CORPUS_TEXTS: dict[Path, dict[str, str]] = {}


def _standoff_text(source: Any, corpora: Path, where: str) -> str:
    """The text a standoff document names: record `id` of corpus `corpus` (a folder of
    `corpora` holding one or more .jsonl files), checked against its sha256."""
    _check_object(source, SOURCE_KEYS, where, "'source' as {corpus, id, sha256}")
    corpus, record, checksum = source.get("corpus"), source.get("id"), source.get("sha256")
    if not all(isinstance(v, str) and v for v in (corpus, record, checksum)):
        raise GoldError(f"{where}: 'source' needs the strings corpus, id and sha256")
    folder = corpora / corpus
    if not folder.is_dir():
        raise GoldSourceMissing(
            f"{where}: corpus {corpus!r} not found at {folder} (give --corpora DIR or set "
            "TIMELINE_CORPORA)"
        )
    texts = _CORPUS_TEXTS.get(folder)
    if texts is None:
        texts = {}
        for path in sorted(folder.glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    texts[str(row.get("id"))] = row.get("text") or ""
        _CORPUS_TEXTS[folder] = texts
    if record not in texts:
        raise GoldError(f"{where}: no record {record!r} in corpus {corpus!r} at {folder}")
    text = texts[record]
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != checksum:
        raise GoldError(f"{where}: the text of {corpus}/{record} does not match its sha256")
    return text


def _json_span(value: Any, text: str, where: str) -> tuple[int, int]:
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(n, int) and not isinstance(n, bool) for n in value)
    ):
        raise GoldError(f"{where}: 'span' must be [begin, end] (two integers), got {value!r}")
    begin, end = value
    if not 0 <= begin < end:
        raise GoldError(f"{where}: span {value} must have 0 <= begin < end (end is exclusive)")
    if end > len(text):
        raise GoldError(f"{where}: span {value} is outside the text ({len(text)} characters)")
    return begin, end


def _find_word(text: str, surface: str, start: int) -> tuple[int, int] | None:
    """First occurrence of `surface` at or after `start` that is not inside a longer word."""
    position = text.find(surface, start)
    while position >= 0:
        end = position + len(surface)
        before_ok = position == 0 or not (text[position - 1].isalnum() and surface[0].isalnum())
        after_ok = end == len(text) or not (text[end].isalnum() and surface[-1].isalnum())
        if before_ok and after_ok:
            return position, end
        position = text.find(surface, position + 1)
    return None


# --------------------------------------------------------------------------------------------
# Paths


def gold_files(paths: Iterable[str | Path]) -> list[Path]:
    """Every gold file under `paths` (files, or folders searched recursively), sorted.

    Sorting the whole set makes the order, and so every example an evaluation prints,
    independent of the order of the arguments and of the file system.
    """
    files: set[Path] = set()
    given = list(paths)
    if not given:
        raise GoldPathError("no gold path given")
    for raw in given:
        path = Path(raw)
        if path.is_dir():
            files.update(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in GOLD_SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            if path.suffix.lower() not in GOLD_SUFFIXES:
                raise GoldPathError(f"{raw}: not a gold file (expected .tml or .json)")
            files.add(path)
        else:
            raise GoldPathError(f"no such file or folder: {raw}")
    if not files:
        raise GoldPathError(f"no .tml or .json gold files in {', '.join(map(str, given))}")
    return sorted(files, key=lambda p: p.as_posix())


def read_gold(
    paths: Iterable[str | Path], corpora: str | Path | None = None
) -> Iterator[GoldDocument]:
    """Gold documents from files and folders, in sorted file order; ids must be unique.
    `corpora` is where standoff documents find their texts (see corpora_folder)."""
    seen: dict[str, str] = {}
    folder = corpora_folder(corpora)
    for path in gold_files(paths):
        if path.suffix.lower() == ".tml":
            documents = [read_timeml(path)]
        else:
            documents = read_json(path, folder)
        for document in documents:
            if document.id in seen:
                raise GoldError(
                    f"{document.source}: document id {document.id!r} is already used by "
                    f"{seen[document.id]}"
                )
            seen[document.id] = document.source
            yield document
