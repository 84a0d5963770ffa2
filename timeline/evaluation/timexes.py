"""TempEval-3 Task A scores for any system against gold documents, and what it gets wrong.

The system is any callable `(text, reference date, lang) -> timexes`, where a timex is anything
with `.span`, `.type`, `.value`, `.mod`, `.start`, `.end` (our `Timex`, a `Predicted`). That lets
the tests feed hand-made outputs and the benchmarks measure another library the same way.

Scores are micro-averaged over the corpus, as in TempEval-3 (UzZaman et al. 2013):
- strict span P/R/F1: a system timex counts if some gold timex has exactly its span, and back;
- relaxed span P/R/F1: a system timex counts if it overlaps any gold timex, a gold timex if any
  system timex overlaps it (one system span over two gold spans is P 1/1, R 2/2);
- type and value accuracy over one-to-one pairs of overlapping gold and system timexes, paired
  greedily by largest overlap, then position; attribute F1 = attribute accuracy x relaxed F1;
- interval accuracy (start and end both right) on pairs whose gold gives an interval.

Error classes group the mistakes by what they have in common (the text with its digits masked,
the shapes of the two values), most frequent first, with examples: the top of each list is the
next rule to write. Output is deterministic: same input, byte-identical JSON.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Protocol

from timeline.evaluation.anchoring import AnchoringTally, format_anchoring
from timeline.evaluation.gold import TIMEX_TYPES, GoldDocument, GoldTimex
from timeline.models.document import Document

EXAMPLES_PER_CLASS = 3
CONTEXT_CHARS = 40
ERROR_KINDS: tuple[str, ...] = ("missed", "spurious", "wrong_value", "wrong_type", "partial_span")
"""missed: gold no system timex overlaps; spurious: system timex overlapping no gold; wrong_value
and wrong_type: on a pair; partial_span: a pair whose spans differ (costs strict, not relaxed)."""

_DIGIT_RUN = re.compile(r"\d+")
_DIGIT = re.compile(r"\d")
_SPACES = re.compile(r"\s+")
_VALUE_PART = re.compile(r"[-T:]")


class SystemTimex(Protocol):
    """What evaluation reads from a system's output (our `timeline.models.document.Timex` fits)."""

    @property
    def span(self) -> tuple[int, int]: ...
    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str: ...
    @property
    def mod(self) -> str | None: ...
    @property
    def start(self) -> str | None: ...
    @property
    def end(self) -> str | None: ...


System = Callable[[str, date, str], "Sequence[SystemTimex] | Document"]
"""A system under test: (text, reference date, lang) -> its timexes, or our whole Document
(whose events are then scored for anchoring too)."""


@dataclass(frozen=True)
class Predicted:
    """A system timex built by hand: for fake systems in tests and for other libraries."""

    span: tuple[int, int]
    type: str
    value: str
    mod: str | None = None
    start: str | None = None
    end: str | None = None


def timeline_system(text: str, published: date, lang: str, genre: str = "auto") -> Document:
    """Our extractor as a system: the whole `extract` (expressions, context, events), reading the
    text as `genre` ('auto': as the text itself suggests)."""
    from timeline.pipeline.document import extract_document as extract

    return extract(text, published, lang, genre=genre)


# --------------------------------------------------------------------------------------------
# Result types


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass(frozen=True)
class SpanScore:
    """P/R/F1 with the counts behind them; None where a denominator is zero."""

    system_matched: int
    system: int
    gold_matched: int
    gold: int

    @property
    def precision(self) -> float | None:
        return _ratio(self.system_matched, self.system)

    @property
    def recall(self) -> float | None:
        return _ratio(self.gold_matched, self.gold)

    @property
    def f1(self) -> float | None:
        """Harmonic mean; 0 when one side is empty but not the other (nothing right was found)."""
        if self.system == 0 and self.gold == 0:
            return None
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return 0.0
        return 2 * p * r / (p + r)

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
            "system_matched": self.system_matched,
            "system": self.system,
            "gold_matched": self.gold_matched,
            "gold": self.gold,
        }


@dataclass(frozen=True)
class Accuracy:
    """Correct out of total; None when there was nothing to judge."""

    correct: int
    total: int

    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.total)

    def to_dict(self) -> dict[str, Any]:
        return {"accuracy": _round(self.accuracy), "correct": self.correct, "total": self.total}


def attribute_f1(accuracy: Accuracy, relaxed: SpanScore) -> float | None:
    """TempEval-3 attribute F1: attribute accuracy on relaxed matches times relaxed F1."""
    f1 = relaxed.f1
    if f1 is None:
        return None
    if accuracy.accuracy is None:
        return 0.0  # no pair at all, so relaxed F1 is 0 too
    return accuracy.accuracy * f1


@dataclass(frozen=True)
class TypeRow:
    """Scores of the gold timexes of one TIMEX3 type: recall-side, since the type is gold's."""

    type: str
    gold: int
    strict_recall: Accuracy
    relaxed_recall: Accuracy
    type_accuracy: Accuracy
    value_accuracy: Accuracy
    value_recall: Accuracy  # gold of this type found with the right value

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "gold": self.gold,
            "strict_recall": self.strict_recall.to_dict(),
            "relaxed_recall": self.relaxed_recall.to_dict(),
            "type_accuracy": self.type_accuracy.to_dict(),
            "value_accuracy": self.value_accuracy.to_dict(),
            "value_recall": self.value_recall.to_dict(),
        }


@dataclass(frozen=True)
class ErrorExample:
    """One instance of an error class, with enough context to see why."""

    doc: str
    span: tuple[int, int]  # the gold span, or the system's for a spurious timex
    text: str
    gold: str | None  # "TYPE value" of the gold timex, if any
    system: str | None  # "TYPE value" of the system timex, if any
    system_text: str | None  # what the system marked, when there is a system timex
    context: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "span": list(self.span),
            "text": self.text,
            "gold": self.gold,
            "system": self.system,
            "system_text": self.system_text,
            "context": self.context,
        }


@dataclass(frozen=True)
class ErrorClass:
    """Errors sharing a key (masked text, value shapes, ...), with the first few examples."""

    kind: str
    key: str
    count: int
    examples: tuple[ErrorExample, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "count": self.count,
            "examples": [e.to_dict() for e in self.examples],
        }


@dataclass(frozen=True)
class Evaluation:
    """The result of one evaluation run; print it with `to_text` or `to_json`."""

    documents: int
    strict: SpanScore
    relaxed: SpanScore
    type_accuracy: Accuracy
    value_accuracy: Accuracy
    interval_accuracy: Accuracy
    by_type: tuple[TypeRow, ...]
    errors: dict[str, tuple[ErrorClass, ...]]
    error_counts: dict[str, int]
    failed: tuple[tuple[str, str], ...] = ()
    anchoring: AnchoringTally | None = None

    @property
    def value_f1(self) -> float | None:
        return attribute_f1(self.value_accuracy, self.relaxed)

    @property
    def type_f1(self) -> float | None:
        return attribute_f1(self.type_accuracy, self.relaxed)

    def to_dict(self, show_errors: int | None = None) -> dict[str, Any]:
        """Plain data; `show_errors` keeps only the N most frequent classes of each kind."""
        return {
            "documents": self.documents,
            "failed": [{"doc": doc, "error": message} for doc, message in self.failed],
            "strict": self.strict.to_dict(),
            "relaxed": self.relaxed.to_dict(),
            "type": {**self.type_accuracy.to_dict(), "f1": _round(self.type_f1)},
            "value": {**self.value_accuracy.to_dict(), "f1": _round(self.value_f1)},
            "interval": self.interval_accuracy.to_dict(),
            "by_type": [row.to_dict() for row in self.by_type],
            "error_counts": dict(self.error_counts),
            "errors": {
                kind: [c.to_dict() for c in classes[:show_errors]]
                for kind, classes in self.errors.items()
            },
            **(
                {"event_anchoring": self.anchoring.to_dict(show_errors or 0)}
                if self.anchoring is not None and self.anchoring.gold_linked
                else {}
            ),
        }

    def to_json(self, show_errors: int | None = None) -> str:
        """One JSON object; keys in a fixed order so equal results give identical bytes."""
        return json.dumps(self.to_dict(show_errors), ensure_ascii=False, indent=2)

    def to_text(self, show_errors: int = 10) -> str:
        """A compact table (overall, then by gold type) and the top error classes."""
        return format_text(self, show_errors)


# --------------------------------------------------------------------------------------------
# Scoring


@dataclass
class _Tally:
    """Counts accumulated document by document (micro-averaging)."""

    documents: int = 0
    strict_system: int = 0
    relaxed_system: int = 0
    system: int = 0
    strict_gold: int = 0
    relaxed_gold: int = 0
    gold: int = 0
    pairs: int = 0
    type_correct: int = 0
    value_correct: int = 0
    interval_total: int = 0
    interval_correct: int = 0
    by_type: dict[str, Counter[str]] = field(default_factory=dict)
    class_counts: dict[str, Counter[str]] = field(
        default_factory=lambda: {kind: Counter() for kind in ERROR_KINDS}
    )
    examples: dict[str, dict[str, list[ErrorExample]]] = field(
        default_factory=lambda: {kind: {} for kind in ERROR_KINDS}
    )
    error_counts: Counter[str] = field(default_factory=Counter)
    failed: list[tuple[str, str]] = field(default_factory=list)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def pair_timexes(gold: Sequence[GoldTimex], system: Sequence[Predicted]) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs of overlapping timexes.

    Greedy: the largest overlap first, then the earliest gold, then the earliest system timex, so
    a long system span over two gold spans is paired with the one it covers most.
    """
    candidates = []
    for g, gold_timex in enumerate(gold):
        for s, system_timex in enumerate(system):
            size = _overlap(gold_timex.span, system_timex.span)
            if size > 0:
                candidates.append((-size, gold_timex.span[0], system_timex.span[0], g, s))
    candidates.sort()
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs = []
    for _, _, _, g, s in candidates:
        if g in used_gold or s in used_system:
            continue
        used_gold.add(g)
        used_system.add(s)
        pairs.append((g, s))
    return sorted(pairs)


def _normalized(system: Iterable[SystemTimex], length: int) -> list[Predicted]:
    """The system's timexes as `Predicted` with tuple spans, sorted; a bad span is an error."""
    timexes = []
    for timex in system:
        begin, end = timex.span
        if not 0 <= begin < end <= length:
            raise ValueError(f"system span {[begin, end]} is not inside the text ({length})")
        timexes.append(
            Predicted((begin, end), timex.type, timex.value, timex.mod, timex.start, timex.end)
        )
    return sorted(timexes, key=lambda t: t.span)


def score_document(tally: _Tally, document: GoldDocument, system: Sequence[Predicted]) -> None:
    """Add one document's counts and errors to the tally (system normalized and sorted)."""
    gold = document.timexes
    tally.documents += 1
    tally.gold += len(gold)
    tally.system += len(system)
    gold_spans = {g.span for g in gold}
    system_spans = {s.span for s in system}
    overlaps_gold = [any(_overlap(s.span, g.span) > 0 for g in gold) for s in system]
    overlaps_system = [any(_overlap(g.span, s.span) > 0 for s in system) for g in gold]
    tally.strict_system += sum(s.span in gold_spans for s in system)
    tally.relaxed_system += sum(overlaps_gold)
    tally.strict_gold += sum(g.span in system_spans for g in gold)
    tally.relaxed_gold += sum(overlaps_system)

    paired: dict[int, int] = dict(pair_timexes(gold, system))
    for g, gold_timex in enumerate(gold):
        row = tally.by_type.setdefault(gold_timex.type, Counter())
        row["gold"] += 1
        row["strict"] += gold_timex.span in system_spans
        row["relaxed"] += overlaps_system[g]
        if not overlaps_system[g]:
            _add_error(tally, "missed", text_key(gold_timex.text), document, gold_timex, None)
        if g not in paired:
            continue
        system_timex = system[paired[g]]
        tally.pairs += 1
        row["pairs"] += 1
        type_ok = system_timex.type == gold_timex.type
        value_ok = system_timex.value == gold_timex.value
        tally.type_correct += type_ok
        tally.value_correct += value_ok
        row["type_correct"] += type_ok
        row["value_correct"] += value_ok
        if gold_timex.start is not None:
            tally.interval_total += 1
            tally.interval_correct += (system_timex.start, system_timex.end) == (
                gold_timex.start,
                gold_timex.end,
            )
        if not value_ok:
            key = value_key(gold_timex.value, system_timex.value)
            _add_error(tally, "wrong_value", key, document, gold_timex, system_timex)
        if not type_ok:
            key = f"{gold_timex.type} -> {system_timex.type}"
            _add_error(tally, "wrong_type", key, document, gold_timex, system_timex)
        if system_timex.span != gold_timex.span:
            key = span_key(document.text, gold_timex.span, system_timex.span)
            _add_error(tally, "partial_span", key, document, gold_timex, system_timex)
    for s, system_timex in enumerate(system):
        if not overlaps_gold[s]:
            text = document.text[system_timex.span[0] : system_timex.span[1]]
            _add_error(tally, "spurious", text_key(text), document, None, system_timex)


def _label(timex: GoldTimex | Predicted | None) -> str | None:
    if timex is None:
        return None
    mod = f" mod={timex.mod}" if timex.mod else ""
    return f"{timex.type} {timex.value}{mod}"


def _context(text: str, span: tuple[int, int]) -> str:
    """The expression in [brackets] with some text either side, on one line."""
    begin, end = span
    left = text[max(0, begin - CONTEXT_CHARS) : begin]
    right = text[end : end + CONTEXT_CHARS]
    return _SPACES.sub(" ", f"{left}[{text[begin:end]}]{right}").strip()


def _add_error(
    tally: _Tally,
    kind: str,
    key: str,
    document: GoldDocument,
    gold: GoldTimex | None,
    system: Predicted | None,
) -> None:
    """Count one error under its class; keep the first few as examples (documents are sorted)."""
    tally.error_counts[kind] += 1
    tally.class_counts[kind][key] += 1
    examples = tally.examples[kind].setdefault(key, [])
    if len(examples) >= EXAMPLES_PER_CLASS:
        return
    if gold is not None:
        span = gold.span
    else:
        assert system is not None  # an error has a gold or a system side
        span = system.span
    examples.append(
        ErrorExample(
            doc=document.id,
            span=span,
            text=document.text[span[0] : span[1]],
            gold=_label(gold),
            system=_label(system),
            system_text=None if system is None else document.text[system.span[0] : system.span[1]],
            context=_context(document.text, span),
        )
    )


def text_key(text: str) -> str:
    """Group expressions by their words: lowercased, spaces collapsed, each number as '#'."""
    return _DIGIT_RUN.sub("#", _SPACES.sub(" ", text.strip().lower()))


def value_shape(value: str) -> str:
    """A TIMEX3 value with every digit as 9: 1998-01-08 -> 9999-99-99, P3D -> P9D."""
    return _DIGIT.sub("9", value)


def value_key(gold: str, system: str) -> str:
    """'gold shape -> system shape', plus which part differs when the shapes agree."""
    key = f"{value_shape(gold)} -> {value_shape(system)}"
    if value_shape(gold) != value_shape(system):
        return key
    gold_parts, system_parts = _VALUE_PART.split(gold), _VALUE_PART.split(system)
    names = ("year", "month/week", "day", "hour", "minute")
    for index, (a, b) in enumerate(zip(gold_parts, system_parts, strict=False)):
        if a != b:
            if gold[:1] == "P":
                return f"{key} (amount differs)"
            name = names[index] if index < len(names) else f"part {index + 1}"
            return f"{key} ({name} differs)"
    return key


def span_key(text: str, gold: tuple[int, int], system: tuple[int, int]) -> str:
    """How a paired system span differs from gold at each edge, in masked words."""
    parts = []
    if system[0] > gold[0]:
        parts.append(f"lacks {text_key(text[gold[0] : system[0]])!r} before")
    elif system[0] < gold[0]:
        parts.append(f"adds {text_key(text[system[0] : gold[0]])!r} before")
    if system[1] < gold[1]:
        parts.append(f"lacks {text_key(text[system[1] : gold[1]])!r} after")
    elif system[1] > gold[1]:
        parts.append(f"adds {text_key(text[gold[1] : system[1]])!r} after")
    return "; ".join(parts)


def _finish(tally: _Tally) -> Evaluation:
    by_type = []
    for kind in sorted(tally.by_type, key=_type_order):
        row = tally.by_type[kind]
        by_type.append(
            TypeRow(
                type=kind,
                gold=row["gold"],
                strict_recall=Accuracy(row["strict"], row["gold"]),
                relaxed_recall=Accuracy(row["relaxed"], row["gold"]),
                type_accuracy=Accuracy(row["type_correct"], row["pairs"]),
                value_accuracy=Accuracy(row["value_correct"], row["pairs"]),
                value_recall=Accuracy(row["value_correct"], row["gold"]),
            )
        )
    errors = {}
    for kind in ERROR_KINDS:
        classes = [
            ErrorClass(kind, key, count, tuple(tally.examples[kind][key]))
            for key, count in tally.class_counts[kind].items()
        ]
        classes.sort(key=lambda c: (-c.count, c.key))
        errors[kind] = tuple(classes)
    return Evaluation(
        documents=tally.documents,
        strict=SpanScore(tally.strict_system, tally.system, tally.strict_gold, tally.gold),
        relaxed=SpanScore(tally.relaxed_system, tally.system, tally.relaxed_gold, tally.gold),
        type_accuracy=Accuracy(tally.type_correct, tally.pairs),
        value_accuracy=Accuracy(tally.value_correct, tally.pairs),
        interval_accuracy=Accuracy(tally.interval_correct, tally.interval_total),
        by_type=tuple(by_type),
        errors=errors,
        error_counts={kind: tally.error_counts[kind] for kind in ERROR_KINDS},
        failed=tuple(tally.failed),
    )


def _type_order(kind: str) -> tuple[int, str]:
    return (TIMEX_TYPES.index(kind) if kind in TIMEX_TYPES else len(TIMEX_TYPES), kind)


def effective_lang(document: GoldDocument, lang: str) -> str:
    """An explicit language wins; under 'auto' the document's own `lang`, else detection."""
    if lang != "auto":
        return lang
    return document.lang or "auto"


def score(
    outputs: Iterable[tuple[GoldDocument, Sequence[SystemTimex]]],
) -> Evaluation:
    """Score system outputs already computed, one (gold document, system timexes) per document."""
    tally = _Tally()
    for document, system in outputs:
        score_document(tally, document, _normalized(system, len(document.text)))
    return _finish(tally)


def evaluate(documents: Iterable[GoldDocument], system: System, lang: str = "auto") -> Evaluation:
    """Run `system` on every gold document and score it.

    A document on which the system raises, or returns a span outside the text, is scored as
    if the system found nothing there, and listed in `failed`: one bug should not hide the
    scores of the rest of the corpus, nor go unnoticed.
    """
    tally = _Tally()
    anchoring = AnchoringTally()
    for document in documents:
        try:
            found = system(document.text, document.published, effective_lang(document, lang))
            if isinstance(found, Document):
                output = _normalized(found.timexes, len(document.text))
                if document.events:
                    anchoring.add(document, found, _sentences(document.text, found.lang))
            else:
                output = _normalized(found, len(document.text))
        except Exception as exc:
            message = str(exc).strip().splitlines()
            tally.failed.append(
                (document.id, f"{type(exc).__name__}: {message[0] if message else ''}".strip())
            )
            output = []
        score_document(tally, document, output)
    return replace(_finish(tally), anchoring=anchoring)


def _sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """The sentences the naive anchoring rule stays within (the system's own splitter)."""
    from timeline import languages
    from timeline.ingest.sentences import split_sentences

    found = split_sentences(text, languages.load(lang).abbreviations)
    return [(s.start, s.end) for s in found]


# --------------------------------------------------------------------------------------------
# Text output


def _num(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


def format_text(result: Evaluation, show_errors: int = 10) -> str:
    """The human report: overall scores, scores by gold type, then the top error classes."""
    s, r = result.strict, result.relaxed
    lines = [
        f"{result.documents} documents, {s.gold} gold timexes, {s.system} system timexes",
        "",
        "            P      R      F1",
        f"strict    {_num(s.precision)}  {_num(s.recall)}  {_num(s.f1)}"
        f"   ({s.system_matched}/{s.system} system, {s.gold_matched}/{s.gold} gold)",
        f"relaxed   {_num(r.precision)}  {_num(r.recall)}  {_num(r.f1)}"
        f"   ({r.system_matched}/{r.system} system, {r.gold_matched}/{r.gold} gold)",
        "",
        "            acc    F1",
    ]
    for name, accuracy, f1 in (
        ("type", result.type_accuracy, result.type_f1),
        ("value", result.value_accuracy, result.value_f1),
    ):
        lines.append(
            f"{name:<10}{_num(accuracy.accuracy)}  {_num(f1)}"
            f"   ({accuracy.correct}/{accuracy.total} pairs)"
        )
    interval = result.interval_accuracy
    if interval.total:
        lines.append(
            f"interval  {_num(interval.accuracy)}          "
            f"({interval.correct}/{interval.total} pairs with a gold interval)"
        )
    if result.by_type:
        lines += ["", "gold type   gold  strict R  relaxed R  type acc  value acc  value R"]
        for row in result.by_type:
            lines.append(
                f"{row.type:<10}{row.gold:>6}  {_num(row.strict_recall.accuracy):>8}  "
                f"{_num(row.relaxed_recall.accuracy):>9}  {_num(row.type_accuracy.accuracy):>8}  "
                f"{_num(row.value_accuracy.accuracy):>9}  {_num(row.value_recall.accuracy):>7}"
            )
    if result.failed:
        lines += ["", f"failed documents ({len(result.failed)}, scored as empty output):"]
        lines += [f"  {doc}: {message}" for doc, message in result.failed]
    if result.anchoring is not None:
        lines += format_anchoring(result.anchoring, show_errors)
    if show_errors > 0:
        lines += format_errors(result, show_errors)
    return "\n".join(lines)


def format_errors(result: Evaluation, show_errors: int) -> list[str]:
    """The N most frequent classes of each error kind, each with its first example."""
    lines: list[str] = []
    for kind in ERROR_KINDS:
        classes = result.errors[kind][:show_errors]
        if not classes:
            continue
        lines += ["", f"{kind.replace('_', ' ')} ({result.error_counts[kind]}), most frequent:"]
        for error_class in classes:
            lines.append(f"  {error_class.count:>4}  {error_class.key}")
            for example in error_class.examples[:1]:
                detail = ", ".join(
                    f"{side} {label}"
                    for side, label in (("gold", example.gold), ("system", example.system))
                    if label
                )
                if example.gold and example.system_text not in (None, example.text):
                    detail += f" on {example.system_text!r}"
                lines.append(f"        {example.doc}: {example.context}  ({detail})")
    return lines
