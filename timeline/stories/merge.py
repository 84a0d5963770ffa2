"""Which reports tell the same happening: the merge of `timeline story` (docs/stories.md).

A report is one article event with its box (times.py) and its features (words.py), weighted by
how rare they are in the story (a name every report carries tells nothing). Two reports are
one happening when their times are compatible and their features are alike (cosine at least
PAIR); clusters grow greedily from the most alike pair down, and two clusters join only when
their times still share a day and their centroids are alike (CLUSTER), so a chain of weak
likenesses cannot glue unrelated happenings together.

Then, in order:
1. conflicts: a small cluster dated one day off a larger one that says the same (CONFLICT, much
   stricter) is a report of the larger one's happening with another date (time zones, typos);
   its reports become the larger one's conflicts, never dropped;
2. reports no article dates join the dated happening they are most like (ATTACH), if any;
3. the rest are clustered among themselves, with no time: the undated happenings.

Everything is linear in the number of reports up to the size of the groups compared: reports
are compared only within a day (a coarser time with the days inside it) and only through the
features they share (an inverted index that skips features too common to matter).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from timeline.stories.times import Box, compatible

PAIR = 0.30
"""Cosine two reports need to be considered the same happening."""
CLUSTER = 0.24
"""Cosine two clusters' centroids need to be joined."""
CONFLICT = 0.45
"""Cosine a cluster needs with a larger one dated a day off to count as its conflict."""
ATTACH = 0.45
"""Cosine an undated report needs with a dated happening to join it."""
SMOOTH = 5
"""Articles added to both sides of the inverse document frequency (see weigh)."""
DISAGREE = 0.5
"""Factor on the likeness of two reports that both name what happens, with no action in common."""
COMMON = 0.2
"""Features carried by more than this share of a group (and by more than MIN_COMMON reports) do
not propose candidates: they would pair almost everything and weigh almost nothing."""
MIN_COMMON = 40


@dataclass
class Report:
    """One article event as the merge sees it."""

    index: int
    article: int
    lang: str
    box: Box | None
    features: dict[str, float]  # feature -> kind weight (words.py)
    weights: dict[str, float] = field(default_factory=dict)  # feature -> weight in the story
    norm: float = 0.0
    neutral_norm: float = 0.0  # over the features every language shares (names, numbers, concepts)


@dataclass
class Cluster:
    """Reports merged so far, with what joining needs: centroid, languages, shared days."""

    members: list[int]
    centroid: dict[str, float]
    langs: set[str]
    articles: set[int]
    day_lo: int
    day_hi: int
    conflicts: list[int] = field(default_factory=list)


def neutral(feature: str) -> bool:
    """Names, numbers, actions and concepts can be shared across languages; 'id:rombong' cannot."""
    return feature[1] == ":" and feature[0] in "nca#"


def weigh(reports: Sequence[Report]) -> None:
    """Set each report's weights: kind weight x (1 + ln((N + k) / (df + k))), N the articles of
    the story and df those that carry the feature. A name every article carries tells nothing
    about which happening a report is (weight 1 x kind); one only a few carry tells much. The
    smoothing k keeps a story of two articles from scoring down exactly what they share."""
    carriers: dict[str, set[int]] = defaultdict(set)
    for report in reports:
        for feature in report.features:
            carriers[feature].add(report.article)
    total = len({report.article for report in reports})
    for report in reports:
        report.weights = {
            f: kind * (1.0 + math.log((total + SMOOTH) / (len(carriers[f]) + SMOOTH)))
            for f, kind in report.features.items()
        }
        report.norm = math.sqrt(sum(w * w for w in report.weights.values()))
        report.neutral_norm = math.sqrt(sum(w * w for f, w in report.weights.items() if neutral(f)))


def similarity(a: Report, b: Report) -> float:
    """Cosine of two reports; across languages only over what both languages can share."""
    small, large = (a, b) if len(a.weights) <= len(b.weights) else (b, a)
    dot = 0.0
    for feature, weight in small.weights.items():
        other = large.weights.get(feature)
        if other is not None:
            dot += weight * other
    same = a.lang == b.lang
    denominator = a.norm * b.norm if same else a.neutral_norm * b.neutral_norm
    score = dot / denominator if denominator else 0.0
    return score * DISAGREE if _disagree(a.weights, b.weights) else score


def _disagree(a: dict[str, float], b: dict[str, float]) -> bool:
    """Both name what happens, and not one action is the same: 'meletus' vs 'evacuated'."""
    first = {f for f in a if f.startswith("a:")}
    second = {f for f in b if f.startswith("a:")}
    return bool(first) and bool(second) and not first & second


def centroid_similarity(a: Cluster, b: Cluster) -> float:
    only_neutral = not (a.langs & b.langs)
    small, large = (
        (a.centroid, b.centroid) if len(a.centroid) <= len(b.centroid) else (b.centroid, a.centroid)
    )
    dot = sum(w * large[f] for f, w in small.items() if f in large)
    norm_a = _norm(a.centroid, only_neutral)
    norm_b = _norm(b.centroid, only_neutral)
    score = dot / (norm_a * norm_b) if norm_a and norm_b else 0.0
    return score * DISAGREE if _disagree(a.centroid, b.centroid) else score


def _norm(vector: dict[str, float], only_neutral: bool) -> float:
    return math.sqrt(sum(w * w for f, w in vector.items() if not only_neutral or neutral(f)))


def _unit(report: Report) -> dict[str, float]:
    if not report.norm:
        return {}
    return {f: w / report.norm for f, w in report.weights.items()}


def _candidate_pairs(
    group: Sequence[Report], threshold: float, timed: bool
) -> list[tuple[float, int, int]]:
    """Pairs of the group alike enough, found through the features they share."""
    postings: dict[str, list[int]] = defaultdict(list)
    for position, report in enumerate(group):
        for feature in report.weights:
            postings[feature].append(position)
    limit = max(MIN_COMMON, int(COMMON * len(group)))
    seen: set[tuple[int, int]] = set()
    pairs: list[tuple[float, int, int]] = []
    for members in postings.values():
        if len(members) < 2 or len(members) > limit:
            continue
        for x, first in enumerate(members):
            for second in members[x + 1 :]:
                if (first, second) in seen:
                    continue
                seen.add((first, second))
                a, b = group[first], group[second]
                if timed and not (a.box and b.box and compatible(a.box, b.box)):
                    continue
                score = similarity(a, b)
                if score >= threshold:
                    pairs.append((score, a.index, b.index))
    return pairs


def _dated_pairs(reports: Sequence[Report]) -> list[tuple[float, int, int]]:
    """Candidate pairs among dated reports: within each day, and each coarser time with every
    report whose days lie inside it (or that contains it)."""
    by_day: dict[int, list[Report]] = defaultdict(list)
    coarse: list[Report] = []
    for report in reports:
        assert report.box is not None
        if report.box.single_day:
            by_day[report.box.day_lo].append(report)
        else:
            coarse.append(report)
    pairs: list[tuple[float, int, int]] = []
    for day in sorted(by_day):
        pairs.extend(_candidate_pairs(by_day[day], PAIR, timed=True))
    if coarse:
        everything = sorted(reports, key=lambda r: r.index)
        postings: dict[str, list[Report]] = defaultdict(list)
        for report in everything:
            for feature in report.weights:
                postings[feature].append(report)
        limit = max(MIN_COMMON, int(COMMON * len(everything)))
        for wide in coarse:
            seen: set[int] = {wide.index}
            for feature in wide.weights:
                others = postings[feature]
                if len(others) > limit:
                    continue
                for other in others:
                    if other.index in seen:
                        continue
                    seen.add(other.index)
                    assert wide.box is not None and other.box is not None
                    if not other.box.single_day and other.index < wide.index:
                        continue  # a pair of two coarse reports is scored once
                    if not compatible(wide.box, other.box):
                        continue
                    score = similarity(wide, other)
                    if score >= PAIR:
                        low, high = sorted((wide.index, other.index))
                        pairs.append((score, low, high))
    return pairs


class Clusters:
    """Union of reports into clusters, in a fixed order (deterministic)."""

    def __init__(self, reports: Sequence[Report]) -> None:
        self.reports = {r.index: r for r in reports}
        self.root: dict[int, int] = {r.index: r.index for r in reports}
        self.clusters: dict[int, Cluster] = {}
        for report in reports:
            box = report.box
            self.clusters[report.index] = Cluster(
                members=[report.index],
                centroid=_unit(report),
                langs={report.lang},
                articles={report.article},
                day_lo=box.day_lo if box else 0,
                day_hi=box.day_hi if box else 0,
            )

    def find(self, index: int) -> int:
        while self.root[index] != index:
            self.root[index] = self.root[self.root[index]]
            index = self.root[index]
        return index

    def join_pairs(self, pairs: Iterable[tuple[float, int, int]], timed: bool) -> None:
        for _, a, b in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
            ra, rb = self.find(a), self.find(b)
            if ra == rb:
                continue
            first, second = self.clusters[ra], self.clusters[rb]
            day_lo = max(first.day_lo, second.day_lo)
            day_hi = min(first.day_hi, second.day_hi)
            if timed and day_lo >= day_hi:
                continue
            if centroid_similarity(first, second) < CLUSTER:
                continue
            self._union(ra, rb, day_lo, day_hi)

    def _union(self, ra: int, rb: int, day_lo: int, day_hi: int) -> None:
        keep, gone = (ra, rb) if ra < rb else (rb, ra)
        first, second = self.clusters[keep], self.clusters.pop(gone)
        self.root[gone] = keep
        size_a, size_b = len(first.members), len(second.members)
        merged: dict[str, float] = defaultdict(float)
        for f, w in first.centroid.items():
            merged[f] += w * size_a
        for f, w in second.centroid.items():
            merged[f] += w * size_b
        first.centroid = {f: w / (size_a + size_b) for f, w in merged.items()}
        first.members = sorted(first.members + second.members)
        first.langs |= second.langs
        first.articles |= second.articles
        first.day_lo, first.day_hi = day_lo, day_hi

    def groups(self) -> list[Cluster]:
        return [self.clusters[key] for key in sorted(self.clusters)]


def find_conflicts(groups: list[Cluster]) -> list[Cluster]:
    """Fold clusters dated one day off a larger cluster that says the same into its conflicts."""
    by_day: dict[int, list[int]] = defaultdict(list)
    for position, group in enumerate(groups):
        if group.day_hi - group.day_lo == 1:
            by_day[group.day_lo].append(position)
    candidates: list[tuple[float, int, int]] = []
    for day in sorted(by_day):
        for a in by_day[day]:
            for b in by_day.get(day + 1, ()):
                first, second = groups[a], groups[b]
                if first.articles & second.articles:
                    continue
                if len(first.articles) == len(second.articles):
                    continue  # no majority: two happenings, or a dispute the story shows twice
                score = centroid_similarity(first, second)
                if score >= CONFLICT:
                    candidates.append((score, a, b))
    absorbed: set[int] = set()
    hosts: set[int] = set()
    for _, a, b in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        large, small = (a, b) if len(groups[a].articles) > len(groups[b].articles) else (b, a)
        if large in absorbed or small in absorbed or small in hosts:
            continue
        host, guest = groups[large], groups[small]
        host.conflicts.extend(guest.members)
        host.conflicts.extend(guest.conflicts)
        host.articles |= guest.articles
        absorbed.add(small)
        hosts.add(large)
    return [group for position, group in enumerate(groups) if position not in absorbed]


def attach_undated(groups: list[Cluster], undated: Sequence[Report]) -> list[Report]:
    """Put each undated report into the dated happening it is most like (ATTACH at least);
    the reports that found none are returned."""
    postings: dict[str, list[int]] = defaultdict(list)
    for position, group in enumerate(groups):
        for feature in group.centroid:
            postings[feature].append(position)
    limit = max(MIN_COMMON, int(COMMON * len(groups)))
    norms = [_norm(g.centroid, False) for g in groups]
    neutral_norms = [_norm(g.centroid, True) for g in groups]
    left: list[Report] = []
    joins: list[tuple[int, Report]] = []
    for report in undated:
        unit = _unit(report)
        scores: dict[int, float] = defaultdict(float)
        for feature, weight in unit.items():
            owners = postings.get(feature, ())
            if len(owners) > limit:
                continue
            for position in owners:
                scores[position] += weight * groups[position].centroid[feature]
        best, best_score = -1, ATTACH
        for position in sorted(scores):
            group = groups[position]
            if report.lang in group.langs:
                score = scores[position] / norms[position] if norms[position] else 0.0
            else:
                own = report.neutral_norm / report.norm if report.norm else 0.0
                whole = neutral_norms[position]
                score = scores[position] / (own * whole) if own and whole else 0.0
            if score > best_score:
                best, best_score = position, score
        if best < 0:
            left.append(report)
        else:
            joins.append((best, report))
    for position, report in joins:
        group = groups[position]
        group.members = sorted([*group.members, report.index])
        group.articles.add(report.article)
    return left


def merge(reports: Sequence[Report]) -> tuple[list[Cluster], list[Cluster]]:
    """The dated happenings (with conflicts) and the undated ones, as clusters of reports."""
    weigh(reports)
    dated = [r for r in reports if r.box is not None]
    undated = [r for r in reports if r.box is None]
    clusters = Clusters(dated)
    clusters.join_pairs(_dated_pairs(dated), timed=True)
    groups = find_conflicts(clusters.groups())
    left = attach_undated(groups, undated)
    rest = Clusters(left)
    rest.join_pairs(_candidate_pairs(left, PAIR, timed=False), timed=False)
    return groups, rest.groups()
