"""`timeline resolve` and `timeline check` as a user runs them: output, JSON keys, exit codes."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES, run_cli

REQUIRED_KEYS = {"text", "type", "value", "mod", "start", "end", "granularity", "approximate"}


def test_resolve_json_is_one_object_with_the_pinned_keys():
    result = run_cli("resolve", "awal bulan ini", "--published", "2024-06-21", "--json")
    assert result.returncode == 0
    payload = json.loads(result.stdout)
    assert payload.keys() >= REQUIRED_KEYS
    assert payload["value"] == "2024-06"
    assert payload["mod"] == "START"
    assert (payload["start"], payload["end"]) == ("2024-06-01", "2024-06-11")
    assert result.stdout.count("\n") == 1


def test_resolve_json_nulls_absent_fields():
    payload = json.loads(
        run_cli("resolve", "selama dua tahun", "-p", "2024-06-21", "--json").stdout
    )
    assert payload["mod"] is None and payload["start"] is None and payload["end"] is None


def test_resolve_json_times_carry_the_zone():
    payload = json.loads(
        run_cli("resolve", "Rabu (19/6/2024) pukul 14.30 WIB", "-p", "2024-06-21", "--json").stdout
    )
    assert payload["value"] == "2024-06-19T14:30"
    assert payload["start"] == "2024-06-19T14:30+07:00"


def test_resolve_human_output_explains_the_rule():
    result = run_cli("resolve", "tiga minggu lalu", "-p", "2024-06-21")
    assert result.returncode == 0
    assert "2024-W22" in result.stdout
    assert "[2024-05-27, 2024-06-03)" in result.stdout
    assert "rule" in result.stdout and "shift" in result.stdout


@pytest.mark.parametrize("phrase", ["lalu lintas", "Rp 2.000", "Juliana (27)", "May I help you"])
def test_resolve_negative_exits_1_with_one_line(phrase):
    result = run_cli("resolve", phrase, "-p", "2024-06-21")
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [
        ["resolve", "kemarin"],  # no --published
        ["resolve", "kemarin", "-p", "2024-02-30"],
        ["resolve", "kemarin", "-p", "21/06/2024"],
        ["resolve", "kemarin", "-p", "2024-06-21", "--lang", "fr"],
        ["resolve"],
        ["resolve", "kemarin", "-p", "2024-06-21", "--bogus"],
        ["check", "no-such-file.tsv"],
        ["nosuchcommand"],
    ],
)
def test_usage_errors_exit_2_with_one_line_and_no_traceback(args):
    result = run_cli(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_check_reports_passes_and_failures(tmp_path):
    cases = tmp_path / "mine.tsv"
    cases.write_text(
        "lang\tref\tphrase\ttype\tvalue\tmod\tstart\tend\tlevel\tnote\n"
        "id\t2024-06-21\tkemarin\tDATE\t2024-06-20\t-\t2024-06-20\t2024-06-21\tcore\tok\n"
        "id\t2024-06-21\tbesok\tDATE\t2024-06-23\t-\t2024-06-23\t2024-06-24\tcore\twrong on purpose\n"
        "id\t2024-06-21\tbroken row\n",
        encoding="utf-8",
    )
    result = run_cli("check", str(cases))
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == "1 passed, 2 failed"
    assert any("besok" in line and "2024-06-22" in line and "2024-06-23" in line for line in lines)
    assert any("malformed" in line for line in lines)


def test_check_level_filter_and_success_exit(tmp_path):
    result = run_cli("check", str(FIXTURES / "cases" / "spec-core.tsv"), "--level", "core")
    assert result.returncode == 0
    assert result.stdout.strip().endswith("0 failed")


def test_check_refuses_a_level_the_file_does_not_have(tmp_path):
    result = run_cli("check", str(FIXTURES / "cases" / "boundaries.tsv"), "--level", "Core")
    assert result.returncode == 2
    assert "no rows of level 'Core'" in result.stderr


def test_check_of_an_empty_file_fails(tmp_path):
    empty = tmp_path / "empty.tsv"
    empty.write_text("# nothing here\n", encoding="utf-8")
    result = run_cli("check", str(empty))
    assert result.returncode == 1
    assert "holds no cases" in result.stderr


def test_bare_command_prints_help_and_version_works():
    bare = run_cli()
    assert bare.returncode == 0 and "Commands:" in bare.stdout and bare.stderr == ""
    version = run_cli("--version")
    assert version.returncode == 0 and version.stdout.startswith("timeline ")
