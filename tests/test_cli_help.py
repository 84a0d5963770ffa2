"""What `--help` shows a new user: plain argument names, an example, no Python types; and the
same spelling of an output format on every command."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import REPO, run_in_process

COMMANDS = ("resolve", "check", "extract", "schema", "eval", "plot")


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_no_python_types_and_shows_an_example(monkeypatch, capsys, command):
    code, out, _ = run_in_process(monkeypatch, capsys, command, "--help")
    assert code == 0
    usage = out.splitlines()[0]
    assert usage.startswith(f"Usage: timeline {command} [OPTIONS]")
    for leak in ("<str>", "<int", "<float>", "<path>", "list[", "range>", "{"):
        assert leak not in out, (command, leak)
    arguments = re.findall(r"\b([A-Za-z]+)(?:\.\.\.)?$", usage)
    assert all(name.isupper() or name == "OPTIONS" for name in arguments), usage
    assert "Examples:" in out
    assert f"timeline {command} " in out.split("Examples:")[1]


def test_check_help_lists_the_columns_instead_of_naming_an_unshipped_file(monkeypatch, capsys):
    _, out, _ = run_in_process(monkeypatch, capsys, "check", "--help")
    assert "resolution-cases.tsv" not in out
    flat = " ".join(out.split())
    assert "lang, ref, phrase, type, value, mod, start, end, level, note" in flat


def test_resolve_marks_published_as_required(monkeypatch, capsys):
    _, out, _ = run_in_process(monkeypatch, capsys, "resolve", "--help")
    flat = " ".join(out.split())
    assert re.search(r"-p, --published DATE .*\[required\]", flat)


@pytest.mark.parametrize(
    "args",
    [
        ("resolve", "awal bulan ini", "-p", "2024-06-21"),
        (
            "extract",
            str(REPO / "fixtures" / "tajukrakyat-putin-kim-pact.id.txt"),
            "-p",
            "2024-06-21",
        ),
    ],
)
def test_json_and_format_json_are_the_same_everywhere(monkeypatch, capsys, args):
    code_a, flag, _ = run_in_process(monkeypatch, capsys, *args, "--json")
    code_b, option, _ = run_in_process(monkeypatch, capsys, *args, "-f", "json")
    assert code_a == code_b == 0
    assert flag == option and json.loads(flag)


def test_an_unknown_report_format_is_a_usage_error(monkeypatch, capsys):
    code, _, err = run_in_process(
        monkeypatch, capsys, "resolve", "kemarin", "-p", "2024-06-21", "-f", "xml"
    )
    assert code == 2 and err.startswith("timeline: error: unknown --format 'xml'")


def test_readmes_first_command_installs_what_the_readme_uses():
    """The first line of the README's first code block is the one a new user pastes: it must
    install the [html] extra the README's HTML example needs and draw timeline.png."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("```", 2)[1]
    first = block.strip().splitlines()[0]
    assert "pip install -q -e '.[html]'" in first
    assert first.endswith("-o timeline.png") and "timeline plot" in first
    assert "timeline extract page.html" in readme
