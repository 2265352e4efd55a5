from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed"
CORPUS = SHARED / "corpus" / "real"


def run_checker(*args: str, cwd: Path | None = None, stdin: bytes | None = None,
                env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd or ROOT, input=stdin,
                          capture_output=True, env=environment, timeout=900)


def run_json(*args: str, **kwargs) -> tuple[dict, subprocess.CompletedProcess]:
    result = run_checker("--format", "json", *args, **kwargs)
    return json.loads(result.stdout), result


@pytest.fixture
def checker_run():
    return run_checker


@pytest.fixture
def article():
    from checker.parsers.text import parse_text

    def make(text: str, path: str = "<test>"):
        return parse_text(path, text)

    return make
