"""The example plugin, installed as a real package and loaded through its entry point."""

import os
import subprocess
import sys

from conftest import ROOT, run_checker

SHORT = "Title: Short\n\nOnly a few words here.\n"


def test_example_plugin_installed_and_loaded_through_entry_point(tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                    "--target", str(target), str(ROOT / "examples" / "checker-shortarticle")],
                   check=True, capture_output=True, timeout=300)
    env = {"PYTHONPATH": os.pathsep.join([str(target), str(ROOT)])}
    article = tmp_path / "short.txt"
    article.write_text(SHORT)
    result = run_checker("--min-words", "10", "--format", "count", str(article), env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().splitlines() == [f"1\t{article}", "1\ttotal"]
    disabled = run_checker("-p", "no:shortarticle", "--format", "json", str(article), env=env)
    assert b"shortarticle/too-short" not in disabled.stdout
