"""The layers hold: lint-imports passes on the code as it is, and fails on a copy of it in
which a lower area imports a higher one (a cycle) or a door imports a service."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = str(Path(sys.executable).parent / "lint-imports")


@pytest.fixture(scope="module")
def code_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("layers")
    for package in ("cocreate", "workers"):
        shutil.copytree(ROOT / package, copy / package,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    return copy


def lint_imports(where: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([LINT_IMPORTS, "--no-cache"], cwd=where, capture_output=True,
                          text=True, timeout=120, env={"PYTHONPATH": str(where)}, check=False)


def add_import(module: Path, line: str) -> str:
    before = module.read_text()
    module.write_text(before + f"\n{line}  # noqa\n")
    return before


@pytest.mark.parametrize(("module", "line", "broken"), [
    ("cocreate/services/core/events.py", "from cocreate.services.recognition import badge_rules",
     "Service areas depend only on the areas below them"),
    ("cocreate/services/campaigns/phases.py", "from cocreate.services.conversation import follows",
     "Service areas depend only on the areas below them"),
    ("cocreate/doors/jobs.py", "from cocreate.services.voting import voting",
     "Layers: entry points"),
    ("cocreate/web/tags.py", "from cocreate.models import Tag; Tag.filter(status='approved')",
     "Pages, API and read models never query models"),
])
def test_an_import_against_the_layers_fails_the_contracts(code_copy: Path, module: str,
                                                          line: str, broken: str) -> None:
    assert lint_imports(code_copy).returncode == 0
    target = code_copy / module
    before = add_import(target, line)
    try:
        result = lint_imports(code_copy)
    finally:
        target.write_text(before)
    assert result.returncode == 1
    assert f"{broken}" in result.stdout and "BROKEN" in result.stdout
