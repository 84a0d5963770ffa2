"""Resolution cases files: the columns of the project's spec (resolution-cases.tsv) as tests.

Users test date resolution for their own phrases with the same format:
lang, ref, phrase, type, value, mod, start, end, level, note (tab-separated, '#' comments,
'-' for null; a row whose type is '-' is a negative: nothing must be found).

A phrase may also be a whole text with the expression under test in double brackets: the text
is extracted as an article published on `ref`, and the expression found exactly there is
compared, so that rules of the document context (an attribution's date, the day a clock time
belongs to) are cases too: 'Laga digelar Sabtu (14/9). Kick-off [[pukul 19.00 WIB]].'
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from timeline.models.document import ResolvedTime
from timeline.pipeline.document import extract_document
from timeline.pipeline.phrase import resolve_phrase

COLUMNS = ("lang", "ref", "phrase", "type", "value", "mod", "start", "end", "level", "note")
COMPARED = ("type", "value", "mod", "start", "end")
OPEN, CLOSE = "[[", "]]"  # the expression under test inside a whole text


class CasesError(ValueError):
    """A cases file that cannot be read at all (missing, not UTF-8)."""


@dataclass(frozen=True)
class Case:
    line: int
    lang: str
    ref: str
    phrase: str
    expected: dict[str, str | None]
    level: str
    problem: str | None = None  # a malformed row: reported as a failure, never skipped


@dataclass(frozen=True)
class Outcome:
    case: Case
    passed: bool
    got: ResolvedTime | None
    message: str


def _null(field: str) -> str | None:
    field = field.strip()
    return None if field in ("", "-") else field


def read_cases(path: Path) -> Iterator[Case]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise CasesError(f"no such file: {path}") from exc
    except IsADirectoryError as exc:
        raise CasesError(f"{path} is a directory, not a cases file") from exc
    except UnicodeDecodeError as exc:
        raise CasesError(f"{path} is not UTF-8 text") from exc
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        fields = raw.split("\t")
        if fields[0] == "lang" and number <= 10 and fields[:3] == ["lang", "ref", "phrase"]:
            continue  # header
        if len(fields) < 9:
            yield Case(number, "", "", raw, {}, "core", problem=f"{len(fields)} columns, need 9+")
            continue
        lang, ref, phrase = fields[0].strip(), fields[1].strip(), fields[2]
        expected = {name: _null(fields[3 + i]) for i, name in enumerate(COMPARED)}
        yield Case(number, lang, ref, phrase, expected, fields[8].strip() or "core")


def run_case(case: Case) -> Outcome:
    if case.problem:
        return Outcome(case, False, None, f"malformed row: {case.problem}")
    try:
        reference = date.fromisoformat(case.ref)
        if OPEN in case.phrase:
            got = resolve_in_text(case.phrase, reference, case.lang or "auto")
        else:
            got = resolve_phrase(case.phrase, reference, case.lang or "auto")
    except ValueError as exc:
        return Outcome(case, False, None, f"bad row: {exc}")
    if case.expected["type"] is None:
        if got is None:
            return Outcome(case, True, None, "nothing found, as expected")
        return Outcome(case, False, got, f"expected nothing, got {describe(got)}")
    if got is None:
        return Outcome(case, False, None, f"expected {describe_expected(case)}, got nothing")
    mismatched = [name for name in COMPARED if getattr(got, name) != case.expected[name]]
    if mismatched:
        return Outcome(
            case,
            False,
            got,
            f"expected {describe_expected(case)}, got {describe(got)} ({', '.join(mismatched)})",
        )
    return Outcome(case, True, got, "ok")


def resolve_in_text(marked: str, published: date, lang: str) -> ResolvedTime | None:
    """The expression found exactly at the double brackets of `marked`, resolved in the whole
    text as an article published on `published`; None when no expression has that span."""
    begin = marked.index(OPEN)
    end = marked.index(CLOSE, begin) - len(OPEN)
    text = marked.replace(OPEN, "", 1).replace(CLOSE, "", 1)
    document = extract_document(text, published, lang)
    for timex in document.timexes:
        if timex.span == (begin, end):
            return ResolvedTime(
                text=timex.text,
                lang=document.lang,
                **timex.model_dump(
                    include={"type", "value", "mod", "start", "end", "granularity"}
                    | {"approximate", "anchor", "rule", "warnings"}
                ),
            )
    return None


def describe(got: ResolvedTime) -> str:
    return _describe(got.type, got.value, got.mod, got.start, got.end)


def describe_expected(case: Case) -> str:
    e = case.expected
    return _describe(e["type"], e["value"], e["mod"], e["start"], e["end"])


def _describe(
    type_: str | None, value: str | None, mod: str | None, start: str | None, end: str | None
) -> str:
    text = f"{type_} {value}"
    if mod:
        text += f" mod={mod}"
    text += f" [{start or '-'}, {end or '-'})"
    return text
