"""The package shows the build's stages: a folder per stage, and imports that only go downward.

The order is the one `microcredential_catalogue.STAGES` declares; the folders themselves say
which stage a module belongs to, so moving a module moves its rights with it.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import microcredential_catalogue as package
from support import PROJECT

PACKAGE = PROJECT / "hooks" / "microcredential_catalogue"
NAME = "microcredential_catalogue"


def _rank(module: str) -> int:
    """Where a dotted module of the package stands: below the stages, a stage, or above them."""
    parts = module.split(".")[1:]
    if not parts or parts[0] in package.ABOVE_STAGES:
        return len(package.STAGES)
    if parts[0] in package.BELOW_STAGES:
        return -1
    return package.STAGES.index(parts[0])


def _dotted(path: Path, root: Path) -> str:
    relative = path.relative_to(root.parent).with_suffix("")
    parts = list(relative.parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(node: ast.ImportFrom | ast.Import, module: str, is_package: bool) -> list[str]:
    """The package's modules an import statement names, as dotted names."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names if alias.name.startswith(NAME)]
    if node.level == 0:
        base = node.module or ""
    else:
        here = module.split(".") if is_package else module.split(".")[:-1]
        base = ".".join(here[: len(here) - node.level + 1] + ([node.module] if node.module else []))
    if not base.startswith(NAME):
        return []
    return [base] if node.module else [f"{base}.{alias.name}" for alias in node.names]


def upward_imports(root: Path) -> list[str]:
    """Every import in the package at `root` that reaches a later stage than its own, as
    "path:line: module imports target"."""
    found = []
    for path in sorted(root.rglob("*.py")):
        module = _dotted(path, root)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, (ast.Import, ast.ImportFrom)):
                continue
            for target in _imported(node, module, path.name == "__init__.py"):
                if _rank(target) > _rank(module):
                    found.append(f"{path.relative_to(root.parent)}:{node.lineno}: {module} imports {target}")
    return found


def test_every_module_sits_in_a_stage_folder_but_the_few_named_outside():
    folders = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists())
    loose = sorted(p.stem for p in PACKAGE.glob("*.py"))
    assert folders == sorted(package.STAGES)
    assert loose == sorted(package.BELOW_STAGES + package.ABOVE_STAGES)


def test_each_stage_folder_says_what_it_owns_and_what_it_may_import():
    for stage in package.STAGES:
        doc = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text(encoding="utf-8")))
        assert doc and "Owns" in doc and "May import" in doc, stage


def test_imports_only_go_down_through_the_stages():
    assert upward_imports(PACKAGE) == []


def test_a_deliberately_upward_import_is_caught_with_its_file_and_line(tmp_path):
    copy = tmp_path / NAME
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    problems = copy / "reading" / "problems.py"
    problems.write_text(problems.read_text(encoding="utf-8") + "\nfrom ..pages import render\n", encoding="utf-8")
    line = len(problems.read_text(encoding="utf-8").splitlines())
    text = copy / "reading" / "text_policy.py"
    text.write_text("import microcredential_catalogue.building.catalogue_build\n" + text.read_text(encoding="utf-8"))
    assert upward_imports(copy) == [
        f"{NAME}/reading/problems.py:{line}: {NAME}.reading.problems imports {NAME}.pages",
        f"{NAME}/reading/text_policy.py:1: {NAME}.reading.text_policy imports {NAME}.building.catalogue_build",
    ]


def test_a_module_at_the_top_may_import_any_stage_and_addresses_none():
    assert _rank(f"{NAME}.cli") > _rank(f"{NAME}.building.catalogue_build") > _rank(f"{NAME}.reading.yaml_file")
    assert _rank(f"{NAME}.addresses") < _rank(f"{NAME}.reading.problems")
