"""The folders show the pipeline, and imports follow it: a folder imports only folders that stand
before it (type-only imports aside), and no two modules import each other at load time."""

from __future__ import annotations

import ast
from pathlib import Path

import timeline

PACKAGE = Path(timeline.__file__).parent

LAYERS = [
    "calendar",
    "models",
    "grammar",
    "languages",
    "ingest",
    "tagging",
    "resolution",
    "discourse",
    "events",
    "stories",
    "render",
    "pipeline",
    "engines",
    "evaluation",
    "cli",
]
"""The order data flows in; docs/architecture.md draws it. Modules at the package root (the
public API) may import anything, lazily."""


def _runtime_imports(path: Path, module_level_only: bool) -> set[str]:
    """The timeline modules a file imports, leaving out `if TYPE_CHECKING:` blocks (and, when
    asked, imports inside functions, which run only when called)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            nested = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                if not (module_level_only and in_function):
                    found.add(child.module)
                    found.update(f"{child.module}.{alias.name}" for alias in child.names)
            elif isinstance(child, ast.Import) and not (module_level_only and in_function):
                found.update(alias.name for alias in child.names)
            visit(child, nested)

    visit(tree, False)
    return {name for name in found if name.startswith("timeline.")}


def _modules() -> dict[str, Path]:
    return {
        ".".join(("timeline", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(
            ".__init__"
        ): path
        for path in PACKAGE.rglob("*.py")
    }


def test_every_module_lives_in_a_pipeline_folder_or_is_public_api():
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders - {"__pycache__"} <= set(LAYERS)
    loose = {p.name for p in PACKAGE.glob("*.py")}
    assert loose <= {"__init__.py", "__main__.py", "dask.py"}, loose  # the API; python -m


def test_folders_import_only_what_stands_before_them():
    rank = {name: index for index, name in enumerate(LAYERS)}
    wrong = []
    for module, path in _modules().items():
        parts = module.split(".")
        if len(parts) < 3 or parts[1] not in rank:
            continue
        for imported in _runtime_imports(path, module_level_only=False):
            target = imported.split(".")
            if len(target) >= 2 and target[1] in rank and rank[target[1]] > rank[parts[1]]:
                wrong.append(f"{module} imports {imported}")
    assert wrong == []


def test_no_import_cycles_at_load_time():
    modules = _modules()
    graph = {
        name: {i for i in _runtime_imports(path, module_level_only=True) if i in modules}
        for name, path in modules.items()
    }
    cycles = []
    for start in graph:
        stack, seen = [(start, [start])], set()
        while stack:
            node, trail = stack.pop()
            for nxt in graph.get(node, ()):
                if nxt == start and len(trail) > 1:
                    cycles.append(" -> ".join([*trail, nxt]))
                elif nxt not in seen and not nxt.startswith(start + "."):
                    seen.add(nxt)
                    stack.append((nxt, [*trail, nxt]))
    assert cycles == []


def test_no_file_keeps_a_merge_conflict():
    """A merge left half-resolved leaves its markers in a file no test reads (a doc page):
    every tracked text file of the repository is checked."""
    import re
    import shutil
    import subprocess

    import pytest

    root = PACKAGE.parent
    if shutil.which("git") is None or not (root / ".git").exists():
        pytest.skip("not a git checkout")
    listed = subprocess.run(
        ["git", "ls-files"], cwd=root, capture_output=True, text=True, check=False
    ).stdout.split()
    marker = re.compile(r"^(?:<{7} |>{7} |={7}$)", re.MULTILINE)
    suffixes = {".py", ".md", ".toml", ".txt", ".tsv", ".json", ".cfg", ".yml", ".yaml"}
    conflicted = [
        name
        for name in listed
        if Path(name).suffix in suffixes
        and (root / name).is_file()
        and marker.search((root / name).read_text(encoding="utf-8", errors="replace"))
    ]
    assert conflicted == []
