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

import heapq
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from timeline.stories.times import Box

PAIR = 0.30
"""Cosine two reports need to be considered the same happening."""
CLUSTER = 0.24
"""Cosine two clusters' centroids need to be joined."""
CONFLICT = 0.45
"""Cosine a cluster needs with a larger one dated a day off to count as its conflict."""
ATTACH = 0.45
"""Cosine an undated report needs with a dated happening to join it."""
UNDATED = 0.45
"""Cosine two undated reports need: with no time to agree on, only a close likeness is one
happening (the leads of two articles share the story's names without telling one thing)."""
SMOOTH = 5
"""Articles added to both sides of the inverse document frequency (see weigh)."""
DISAGREE = 0.5
"""Factor on the likeness of two reports that both name what happens, with no action in common."""
COMMON = 0.2
"""Features carried by more than this share of a group (and by more than MIN_COMMON reports) do
not propose candidates: they would pair almost everything and weigh almost nothing."""
MIN_COMMON = 40
MOST_COMMON = 60
"""...and never more than this many: the cost of a feature is the square of its postings."""
KEEP = 10
"""Nearest candidates scored exactly per report (a happening's reports join through them)."""
QUERY_FEATURES = 6
"""Features of a report (its heaviest) that look for candidates."""
UNDATED_FEATURES = 3
"""...for an undated report, compared with every other undated one whatever its time."""


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
    actions: frozenset[str] = frozenset()  # its 'a:' features: what happens


@dataclass
class Cluster:
    """Reports merged so far, with what joining needs: centroid, languages, shared days."""

    members: list[int]
    centroid: dict[str, float]
    langs: set[str]
    articles: set[int]
    day_lo: int
    day_hi: int
    actions: set[str] = field(default_factory=set)
    conflicts: list[int] = field(default_factory=list)
    norms: tuple[float, float] | None = None  # of the centroid: whole, neutral (a cache)

    def centroid_norms(self) -> tuple[float, float]:
        if self.norms is None:
            self.norms = (_norm(self.centroid, False), _norm(self.centroid, True))
        return self.norms


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
    return score * DISAGREE if _disagree(a.actions, b.actions) else score


def _disagree(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> bool:
    """Both name what happens (`a`, `b`: their actions), and not one action is the same:
    'meletus' vs 'evacuated'."""
    return bool(a) and bool(b) and a.isdisjoint(b)


def centroid_similarity(a: Cluster, b: Cluster) -> float:
    only_neutral = not (a.langs & b.langs)
    small, large = (
        (a.centroid, b.centroid) if len(a.centroid) <= len(b.centroid) else (b.centroid, a.centroid)
    )
    dot = sum(w * large[f] for f, w in small.items() if f in large)
    norm_a = a.centroid_norms()[1 if only_neutral else 0]
    norm_b = b.centroid_norms()[1 if only_neutral else 0]
    score = dot / (norm_a * norm_b) if norm_a and norm_b else 0.0
    return score * DISAGREE if _disagree(a.actions, b.actions) else score


def _norm(vector: dict[str, float], only_neutral: bool) -> float:
    return math.sqrt(sum(w * w for f, w in vector.items() if not only_neutral or neutral(f)))


def _unit(report: Report) -> dict[str, float]:
    if not report.norm:
        return {}
    return {f: w / report.norm for f, w in report.weights.items()}


def _limit(size: int) -> int:
    """Postings longer than this do not propose candidates (see COMMON)."""
    return max(MIN_COMMON, min(MOST_COMMON, int(COMMON * size)))


def _neighbours(
    query: dict[str, float],
    postings: dict[str, list[int]],
    vectors: Sequence[dict[str, float]],
    limit: int,
    accept: Callable[[int], bool],
    after: int = -1,
    telling: int = 0,
) -> list[int]:
    """The (at most KEEP) entries after `after` most alike to `query`, as far as `accept` takes
    them: the dot products over the query's QUERY_FEATURES heaviest features whose postings are
    no longer than `limit`. A report and its partner share at least one telling feature (a
    name, a number, what happens); the exact likeness of the few found is computed after."""
    heaviest = heapq.nlargest(telling or QUERY_FEATURES, query.items(), key=_weight_then_name)
    sums: dict[int, float] = {}
    get = sums.get
    for feature, weight in heaviest:
        owners = postings.get(feature)
        if not owners or len(owners) > limit:
            continue
        for owner in owners:
            if owner > after:
                sums[owner] = get(owner, 0.0) + weight * vectors[owner][feature]
    ranked = [o for o, _ in heapq.nlargest(4 * KEEP, sums.items(), key=_score_then_first)]
    if len(ranked) < len(sums) and sum(1 for owner in ranked if accept(owner)) < KEEP:
        ranked = [o for o, _ in sorted(sums.items(), key=_score_then_first, reverse=True)]
    found: list[int] = []
    for owner in ranked:
        if accept(owner):
            found.append(owner)
            if len(found) == KEEP:
                break
    return found


def _weight_then_name(item: tuple[str, float]) -> tuple[float, str]:
    return item[1], item[0]


def _score_then_first(item: tuple[int, float]) -> tuple[float, int]:
    return item[1], -item[0]


def _postings(vectors: Sequence[dict[str, float]]) -> dict[str, list[int]]:
    postings: dict[str, list[int]] = defaultdict(list)
    for position, vector in enumerate(vectors):
        for feature in vector:
            postings[feature].append(position)
    return postings


def report_similarity(report: Report, unit: dict[str, float], group: Cluster) -> float:
    """Cosine of a report (`unit`: its unit vector) and a cluster's centroid; across languages
    over what both can share; with the penalty of disagreeing actions. For a cluster of one
    report this is the two reports' cosine."""
    centroid = group.centroid
    dot = sum(w * centroid[f] for f, w in unit.items() if f in centroid)
    whole, shared = group.centroid_norms()
    if report.lang in group.langs:
        score = dot / whole if whole else 0.0
    else:
        own = report.neutral_norm / report.norm if report.norm else 0.0
        score = dot / (own * shared) if own and shared else 0.0
    return score * DISAGREE if _disagree(report.actions, group.actions) else score


def _fits(group: Cluster, box: Box | None) -> bool:
    """A report's days can join a cluster's: they share days, and one lies inside the other."""
    if box is None:
        return True
    lo, hi = max(group.day_lo, box.day_lo), min(group.day_hi, box.day_hi)
    inside = box.day_lo <= group.day_lo and group.day_hi <= box.day_hi
    return lo < hi and (inside or (group.day_lo <= box.day_lo and box.day_hi <= group.day_hi))


class Pool:
    """Clusters that reports join one at a time (in input order): each report joins the
    cluster whose centroid it is most like (PAIR at least) among those its time fits, found
    through an index of the clusters' features, or starts a cluster of its own. Comparing with
    clusters rather than with every report keeps a happening told by hundreds of outlets one
    entry of the index, not hundreds."""

    def __init__(
        self,
        clusters: Iterable[Cluster] = (),
        timed: bool = True,
        telling: int = QUERY_FEATURES,
        threshold: float = PAIR,
    ) -> None:
        self.clusters: list[Cluster] = list(clusters)
        self.vectors = [c.centroid for c in self.clusters]
        self.postings = _postings(self.vectors)
        self.timed = timed
        self.telling = telling
        self.threshold = threshold

    def add(self, report: Report) -> None:
        unit = _unit(report)
        box = report.box

        def accept(position: int) -> bool:
            return not self.timed or _fits(self.clusters[position], box)

        limit = _limit(len(self.clusters))
        best, best_score = -1, self.threshold
        found = _neighbours(unit, self.postings, self.vectors, limit, accept, -1, self.telling)
        for position in found:
            score = report_similarity(report, unit, self.clusters[position])
            if score > best_score:
                best, best_score = position, score
        if best < 0:
            self._start(report, unit)
        else:
            self._absorb(best, report, unit)

    def _start(self, report: Report, unit: dict[str, float]) -> None:
        box = report.box
        position = len(self.clusters)
        self.clusters.append(
            Cluster(
                members=[report.index],
                centroid=dict(unit),
                langs={report.lang},
                articles={report.article},
                day_lo=box.day_lo if box else 0,
                day_hi=box.day_hi if box else 0,
                actions=set(report.actions),
            )
        )
        self.vectors.append(self.clusters[-1].centroid)
        for feature in unit:
            self.postings[feature].append(position)

    def _absorb(self, position: int, report: Report, unit: dict[str, float]) -> None:
        group = self.clusters[position]
        size = len(group.members)
        centroid = group.centroid  # updated in place: the index holds this very dict
        for feature in centroid:
            centroid[feature] *= size / (size + 1)
        for feature, weight in unit.items():
            if feature not in centroid:
                centroid[feature] = 0.0
                self.postings[feature].append(position)
            centroid[feature] += weight / (size + 1)
        group.norms = None
        group.members.append(report.index)
        group.langs.add(report.lang)
        group.articles.add(report.article)
        group.actions |= report.actions
        if report.box is not None:
            group.day_lo = max(group.day_lo, report.box.day_lo)
            group.day_hi = min(group.day_hi, report.box.day_hi)


def join_clusters(
    clusters: list[Cluster], timed: bool, threshold: float = CLUSTER
) -> list[Cluster]:
    """Join clusters whose centroids are alike (`threshold`, most alike first) and whose days
    still meet: what the order of arrival split."""
    vectors = [c.centroid for c in clusters]
    postings = _postings(vectors)
    limit = _limit(len(clusters))
    pairs: list[tuple[float, int, int]] = []
    for position, group in enumerate(clusters):

        def accept(other: int, group: Cluster = group) -> bool:
            second = clusters[other]
            return not timed or max(group.day_lo, second.day_lo) < min(group.day_hi, second.day_hi)

        for other in _neighbours(group.centroid, postings, vectors, limit, accept, position):
            score = centroid_similarity(group, clusters[other])
            if score >= threshold:
                pairs.append((score, position, other))
    root = list(range(len(clusters)))

    def find(index: int) -> int:
        while root[index] != index:
            root[index] = root[root[index]]
            index = root[index]
        return index

    for _, a, b in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        first, second = clusters[ra], clusters[rb]
        lo, hi = max(first.day_lo, second.day_lo), min(first.day_hi, second.day_hi)
        if timed and lo >= hi:
            continue
        if centroid_similarity(first, second) < threshold:
            continue
        keep, gone = min(ra, rb), max(ra, rb)
        root[gone] = keep
        clusters[keep] = _joined(clusters[keep], clusters[gone], lo, hi)
    return [clusters[i] for i in range(len(clusters)) if find(i) == i]


def _joined(first: Cluster, second: Cluster, day_lo: int, day_hi: int) -> Cluster:
    size_a, size_b = len(first.members), len(second.members)
    merged: dict[str, float] = defaultdict(float)
    for f, w in first.centroid.items():
        merged[f] += w * size_a
    for f, w in second.centroid.items():
        merged[f] += w * size_b
    return Cluster(
        members=sorted(first.members + second.members),
        centroid={f: w / (size_a + size_b) for f, w in merged.items()},
        langs=first.langs | second.langs,
        articles=first.articles | second.articles,
        day_lo=day_lo,
        day_hi=day_hi,
        actions=first.actions | second.actions,
    )


def cluster_dated(reports: Sequence[Report]) -> list[Cluster]:
    """Dated reports into happenings. Day by day, each day its own index: reports join
    clusters, then clusters the order of arrival kept apart join. Then the coarser times, finest
    first ('Mei 2025' before '2025'), each range against the clusters its days contain or lie
    in, so that a report is only ever compared with what its time fits."""
    by_day: dict[int, list[Report]] = defaultdict(list)
    by_range: dict[tuple[int, int], list[Report]] = defaultdict(list)
    for report in reports:
        box = report.box
        assert box is not None
        if box.single_day:
            by_day[box.day_lo].append(report)
        else:
            by_range[(box.day_lo, box.day_hi)].append(report)
    clusters: list[Cluster] = []
    for day in sorted(by_day):
        pool = Pool()
        for report in by_day[day]:
            pool.add(report)
        clusters.extend(join_clusters(pool.clusters, timed=True))
    for day_lo, day_hi in sorted(by_range, key=lambda r: (r[1] - r[0], r[0])):
        group = by_range[(day_lo, day_hi)]
        probe = group[0].box
        fitting = [c for c in clusters if _fits(c, probe)]
        pool = Pool(fitting)
        for report in group:
            pool.add(report)
        clusters.extend(pool.clusters[len(fitting) :])
    return clusters


def find_conflicts(groups: list[Cluster]) -> list[Cluster]:
    """Fold clusters dated one day off a larger cluster that says the same into its conflicts."""
    by_day: dict[int, list[int]] = defaultdict(list)
    for position, group in enumerate(groups):
        if group.day_hi - group.day_lo == 1:
            by_day[group.day_lo].append(position)
    candidates: list[tuple[float, int, int]] = []
    for day in sorted(by_day):
        following = by_day.get(day + 1, [])
        if not following:
            continue
        vectors = [groups[b].centroid for b in following]
        postings = _postings(vectors)
        limit = _limit(len(following))
        for a in by_day[day]:
            first = groups[a]

            def accept(
                other: int, first: Cluster = first, following: list[int] = following
            ) -> bool:
                second = groups[following[other]]
                # a conflict needs a majority, and no article on both sides
                return len(first.articles) != len(second.articles) and not (
                    first.articles & second.articles
                )

            for other in _neighbours(first.centroid, postings, vectors, limit, accept):
                b = following[other]
                score = centroid_similarity(first, groups[b])
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


def attach_similarity(
    report: Report, unit: dict[str, float], group: Cluster, norms: tuple[float, float]
) -> float:
    """Cosine of an undated report (`unit`: its unit vector) and a happening's centroid (with
    `norms`, the centroid's whole and neutral norms); across languages over what both can
    share; with the penalty of disagreeing actions."""
    dot = sum(w * group.centroid[f] for f, w in unit.items() if f in group.centroid)
    if report.lang in group.langs:
        score = dot / norms[0] if norms[0] else 0.0
    else:
        own = report.neutral_norm / report.norm if report.norm else 0.0
        score = dot / (own * norms[1]) if own and norms[1] else 0.0
    return score * DISAGREE if _disagree(report.actions, group.actions) else score


def attach_undated(groups: list[Cluster], undated: Sequence[Report]) -> list[Report]:
    """Put each undated report into the dated happening it is most like (ATTACH at least);
    the reports that found none are returned."""
    vectors = [g.centroid for g in groups]
    postings = _postings(vectors)
    limit = _limit(len(groups))
    norms = [(_norm(g.centroid, False), _norm(g.centroid, True)) for g in groups]
    left: list[Report] = []
    joins: list[tuple[int, Report]] = []
    for report in undated:
        unit = _unit(report)
        best, best_score = -1, ATTACH
        for position in _neighbours(unit, postings, vectors, limit, lambda _: True):
            score = attach_similarity(report, unit, groups[position], norms[position])
            if score > best_score or (score == best_score and 0 <= position < best):
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
    groups = find_conflicts(cluster_dated(dated))
    left = attach_undated(groups, undated)
    pool = Pool(timed=False, telling=UNDATED_FEATURES, threshold=UNDATED)
    for report in left:
        pool.add(report)
    return groups, join_clusters(pool.clusters, timed=False, threshold=UNDATED)
