"""``checker rule ID...``: a rule's page in the terminal, for built-in and team rules alike."""

import json

from conftest import run_checker, write

TEAM_RULE = """id: house-no-whilst
kind: existence
category: style
severity: info
scope: sentence
message: "Write 'while', not '{match}'."
description: The house style writes 'while'; 'whilst' reads as dated in news copy.
tokens: [whilst]
examples:
  bad: ["The mayor spoke whilst the crowd waited."]
  good: ["The mayor spoke while the crowd waited."]
"""


def test_a_built_in_rule_is_described_with_its_settings_and_examples(tmp_path):
    result = run_checker("rule", "duplicate-headline", "--no-config", cwd=tmp_path)
    page = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    assert page.startswith("# duplicate-headline\n")
    assert "| duplicate | error | duplicate | safe (applied by `--fix`) |" in page
    assert "## Flagged" in page and "## Not flagged" in page
    assert "Message: The headline is repeated" in page


def test_rules_off_by_default_or_ignored_by_the_configuration_are_described_too(tmp_path):
    write(tmp_path, ".checker.yaml", "ignore: [contradiction]\n")
    result = run_checker("rule", "contradiction-states", "contradiction-counts", cwd=tmp_path)
    page = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    assert "# contradiction-states" in page and "(off by default)" in page
    assert "# contradiction-counts" in page
    assert page.index("# contradiction-states") < page.index("# contradiction-counts")  # the order asked


def test_globs_name_several_rules_once_each_in_id_order_as_json(tmp_path):
    result = run_checker("rule", "duplicate-*", "duplicate-headline", "-f", "json", "--no-config", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    records = json.loads(result.stdout)
    ids = [r["id"] for r in records]
    assert ids == sorted(set(ids)) and "duplicate-headline" in ids and len(ids) >= 3
    headline = next(r for r in records if r["id"] == "duplicate-headline")
    assert headline["category"] == "duplicate" and headline["enabled"] is True and headline["fix"] == "safe"
    assert headline["examples"]["bad"] and headline["examples"]["good"]


def test_a_teams_own_rule_is_described_from_its_folder(tmp_path):
    write(tmp_path, "house/no-whilst.yaml", TEAM_RULE)
    result = run_checker("rule", "house-no-whilst", "--rules", "house", "--no-config", cwd=tmp_path)
    page = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    assert "# house-no-whilst" in page and "'whilst' reads as dated" in page
    assert "The mayor spoke whilst the crowd waited." in page


def test_an_unknown_rule_is_a_usage_error_naming_the_closest_ones(tmp_path):
    result = run_checker("rule", "duplicate-headlin", "--no-config", cwd=tmp_path)
    message = result.stderr.decode()
    assert result.returncode == 4
    assert "no rule 'duplicate-headlin'" in message and "duplicate-headline" in message
    assert len(message.strip().splitlines()) == 1 and "Traceback" not in message
    assert result.stdout == b""
    assert run_checker("rule", cwd=tmp_path).returncode == 4  # no id at all
