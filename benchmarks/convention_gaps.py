"""Where the corpora's annotation practice and our contract disagree: how much value F1 it costs.

    python benchmarks/convention_gaps.py

TimeBank and AQUAINT were annotated before our conventions (docs/conventions.md) were written,
and in a few places they decide differently. Each wrong value of ours is put in the first class
below that describes it; the script prints the counts and the value F1 that counting those
pairs as agreements would give: the ceiling for rules that keep to the contract, not a score.

- gold unresolved: a DATE whose gold leaves a field open (`1998-WXX`, `1989-QX`, `1998-10-XX`,
  `199X`), which we resolve, the known part agreeing;
- week not padded: the gold writes `2000-W7`, ISO and we write `2000-W07`;
- reference vs amount: the gold has `PAST_REF`/`FUTURE_REF` where the contract gives a vague
  duration ("in recent days" is `PXD`, "the coming months" `PXM`);
- day vs part of day: the gold marks "Thursday night" as the day, the contract as `...TNI`;
- night as evening: the gold writes "Wednesday night" as `TEV`, the contract as `TNI`;
- counted as duration: the gold marks "two years ago", "a day earlier" as a DURATION of that
  amount, the contract as the date it names.

The tweets and WikiWars (converted by SynTime) write some values in notations of their own, for
the same time as ours:
- weekday appended: `2014-05-04-WXX-7` for the Sunday `2014-05-04`;
- open fields written out: `2014-XX-XX` for the year `2014`;
- week inside a month: `2015-01-W02` for the ISO week `2015-W02`;
- time units without T: `P12H`, `P3M` for twelve hours, three minutes (`PT12H`, `PT3M`).

Everything else stays an error. Reads ../shared/corpora in place, like benchmarks/accuracy.py;
every document is read under --genre auto.
"""

from __future__ import annotations

import re
from collections import Counter

from _common import CORPORA, available_corpora, machine_lines

from timeline.evaluation.gold import GoldTimex, read_gold
from timeline.evaluation.timexes import evaluate, pair_timexes, timeline_system

_OPEN = re.compile(r"X")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})(.*)$")
_PART = re.compile(r"^(\d{4}-\d{2}-\d{2})T(MO|AF|EV|NI|MI|DT)$")
_WEEKDAY_APPENDED = re.compile(r"^(\d{4}-\d{2}-\d{2})-WXX-\d(.*)$")
_OPEN_WRITTEN = re.compile(r"^(\d{4}(?:-\d{2})?)(?:-XX){1,2}$")
_WEEK_IN_MONTH = re.compile(r"^(\d{4})-\d{2}-W(\d{2})$")
_NO_T = re.compile(r"^P(\d+)([HM])$")
NOTATION_CORPORA = ("wikiwars-train", "tweets-train")


def _known_prefix_agrees(gold: str, ours: str) -> bool:
    """'1998-WXX' vs '1998-W08': equal up to the first open field, and the gold has one."""
    at = gold.find("X")
    return at > 0 and ours[:at] == gold[:at] and len(ours) >= at


def gap_class(gold: GoldTimex, ours_type: str, ours_value: str, ours_text: str) -> str | None:
    """The convention this wrong value follows, or None for a plain error."""
    for pattern, name, same in (
        (_WEEKDAY_APPENDED, "weekday appended", lambda m: m[1] + m[2]),
        (_OPEN_WRITTEN, "open fields written out", lambda m: m[1]),
        (_WEEK_IN_MONTH, "week inside a month", lambda m: f"{m[1]}-W{m[2]}"),
        (_NO_T, "time units without T", lambda m: f"PT{m[1]}{m[2]}"),
    ):
        found = pattern.match(gold.value)
        if found and ours_value == same(found):
            return name
    if (
        gold.type == "DATE"
        and ours_type == "DATE"
        and re.match(r"\d{3}", gold.value)
        and _OPEN.search(gold.value)
        and _known_prefix_agrees(gold.value, ours_value)
    ):
        return "gold unresolved"
    week = _WEEK.match(gold.value)
    if week and ours_value == f"{week[1]}-W{int(week[2]):02d}{week[3]}":
        return "week not padded"
    if gold.value in ("PAST_REF", "FUTURE_REF") and re.fullmatch(r"PT?X[A-Z]", ours_value):
        return "reference vs amount"
    part = _PART.match(ours_value)
    if part and gold.type == "DATE" and gold.value == part[1]:
        return "day vs part of day"
    if gold.value.endswith("TEV") and ours_value == gold.value[:-2] + "NI":
        return "night as evening"
    # English words: the dev corpora are English
    if (
        gold.type == "DURATION"
        and re.fullmatch(r"P\d+[YMWD]", gold.value)
        and ours_type == "DATE"
        and re.search(r"\b(ago|earlier|later)$", ours_text.strip(), re.IGNORECASE)
    ):
        return "counted as duration"
    return None


def main() -> int:
    corpora = available_corpora()
    corpora.update({n: CORPORA / n for n in NOTATION_CORPORA if (CORPORA / n).is_dir()})
    if not corpora:
        print("The TimeML corpora are not here (../shared/corpora): nothing to measure.")
        return 0
    print("\n".join(machine_lines()))
    print()
    print("| corpus | value F1 | wrong values | of which conventions | value F1 if those agreed |")
    print("|---|---:|---:|---:|---:|")
    details: dict[str, Counter[str]] = {}
    for name, path in corpora.items():
        documents = list(read_gold([path]))
        result = evaluate(documents, timeline_system, lang="en")
        classes: Counter[str] = Counter()
        for document in documents:
            ours = sorted(
                timeline_system(document.text, document.published, "en"), key=lambda t: t.span
            )
            for g, s in pair_timexes(document.timexes, ours):
                gold, mine = document.timexes[g], ours[s]
                if gold.value != mine.value:
                    text = document.text[mine.span[0] : mine.span[1]]
                    classes[gap_class(gold, mine.type, mine.value, text) or "other"] += 1
        wrong = sum(classes.values())
        conventions = wrong - classes["other"]
        pairs = result.value_accuracy.total
        relaxed = result.relaxed.f1 or 0.0
        ceiling = (result.value_accuracy.correct + conventions) / pairs * relaxed if pairs else 0
        print(f"| {name} | {result.value_f1:.3f} | {wrong} | {conventions} | {ceiling:.3f} |")
        details[name] = classes
    print()
    for name, classes in details.items():
        print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in classes.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
