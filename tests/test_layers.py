"""The package's import graph follows the pipeline: model → registries → parse →
resolve → render → (pipeline, build, check, cli, hooks). Read with ``ast`` from the
source, so a violation fails here before anyone runs the code.
"""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "scripts" / "tracuu"

# Which layers each layer may import (itself included). Top-level modules
# (pipeline, build, check, cli, bundle, mkdocs_hooks) may import everything.
ALLOWED: dict[str, set[str]] = {
    "model": {"model"},
    "paths": set(),
    "registries": {"model", "registries", "paths"},
    "parse": {"model", "registries", "parse", "paths"},
    "resolve": {"model", "registries", "parse", "resolve", "paths"},
    "render": {"model", "render", "paths"},
}


def module_name(path: Path) -> str:
    rel = path.relative_to(PKG.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    me = module_name(path)
    pkg = me if path.name == "__init__.py" else me.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("tracuu"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg.split(".")[: len(pkg.split(".")) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            if not mod.startswith("tracuu"):
                continue
            found.add(mod)
            # `from tracuu.render import documents` imports the submodule
            found.update(f"{mod}.{a.name}" for a in node.names if (PKG.parent / f"{mod}.{a.name}".replace(".", "/")).with_suffix(".py").exists())
    return found


def graph() -> dict[str, set[str]]:
    mods = {module_name(p): p for p in PKG.rglob("*.py")}
    return {m: {i for i in imports_of(p) if i in mods and i != m} for m, p in mods.items()}


def test_layers_import_only_what_comes_before_them() -> None:
    bad = []
    for mod, deps in sorted(graph().items()):
        src = layer(mod)
        if src not in ALLOWED:
            continue  # top-level orchestration
        for dep in sorted(deps):
            dst = layer(dep)
            if dst and dst not in ALLOWED[src]:
                bad.append(f"{mod} imports {dep}")
    assert bad == [], "layer violations:\n" + "\n".join(bad)


def test_no_import_cycles() -> None:
    g = graph()
    # Package __init__ files import nothing of their own children here; an edge
    # to a package is an edge to its __init__.
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for d in sorted(g[m]):
            if state.get(d) == 1:
                cycles.append(stack[stack.index(d) :] + [d])
            elif d not in state:
                visit(d)
        stack.pop()
        state[m] = 2

    for m in sorted(g):
        if m not in state:
            visit(m)
    assert cycles == [], "import cycles:\n" + "\n".join(" → ".join(c) for c in cycles)


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    # The walker must notice both import spellings; otherwise the tests above pass vacuously.
    f = PKG / "render" / "documents.py"
    deps = imports_of(f)
    assert any(d.startswith("tracuu.model") for d in deps)
