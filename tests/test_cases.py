"""The resolution cases files, one test per row: the contract as examples.

fixtures/cases/spec-core.tsv holds the core rows of the shared spec, boundaries.tsv the project's
own cases at month, year, ISO-week and leap-year boundaries, negatives.tsv phrases that must
resolve to nothing. When ../shared is present, its spec file is run too.
"""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES, SHARED, needs_shared
from timeline.evaluation.cases import read_cases, run_case

CASE_FILES = sorted((FIXTURES / "cases").glob("*.tsv"))


def _cases():
    for path in CASE_FILES:
        for case in read_cases(path):
            yield pytest.param(case, id=f"{path.stem}:{case.line}:{case.lang}:{case.phrase}")


def test_case_files_are_there():
    names = {p.name for p in CASE_FILES}
    assert {"spec-core.tsv", "boundaries.tsv", "negatives.tsv"} <= names


@pytest.mark.parametrize("case", list(_cases()))
def test_case(case):
    outcome = run_case(case)
    assert outcome.passed, outcome.message


@needs_shared
def test_every_core_row_of_the_shared_spec_passes():
    spec = SHARED / "spec" / "resolution-cases.tsv"
    core = [c for c in read_cases(spec) if c.level == "core"]
    assert len(core) >= 100
    failures = [run_case(c).message for c in core if not run_case(c).passed]
    assert failures == []


@needs_shared
def test_the_project_fixture_holds_every_core_row_of_the_shared_spec():
    spec = SHARED / "spec" / "resolution-cases.tsv"
    shared = {(c.lang, c.ref, c.phrase) for c in read_cases(spec) if c.level == "core"}
    ours = {(c.lang, c.ref, c.phrase) for c in read_cases(FIXTURES / "cases" / "spec-core.tsv")}
    assert shared <= ours


def test_a_case_may_test_an_expression_inside_a_whole_text():
    [case] = _read_one(
        "id\t2024-06-21\tLaga digelar Sabtu (22/6). Dimulai [[pukul 19.00 WIB]].\t"
        "TIME\t2024-06-22T19:00\t-\t2024-06-22T19:00+07:00\t2024-06-22T19:01+07:00\tcore\t"
    )
    assert run_case(case).passed


def test_a_marked_span_that_is_no_expression_fails():
    [case] = _read_one(
        "id\t2024-06-21\tLaga [[digelar]] Sabtu (22/6).\t"
        "DATE\t2024-06-22\t-\t2024-06-22\t2024-06-23\tcore\t"
    )
    outcome = run_case(case)
    assert not outcome.passed and "got nothing" in outcome.message


def _read_one(row, tmp=None):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "one.tsv"
        path.write_text(row + "\n", encoding="utf-8")
        return list(read_cases(path))
