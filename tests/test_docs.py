from conftest import ROOT

from checker.docs import BEGIN, END, rules_table


def test_readme_rule_table_is_generated_from_the_rule_files():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    current = readme.split(BEGIN, 1)[1].split(END, 1)[0].strip()
    assert current == rules_table(), "README rule table is out of date: run python -m checker.docs --write"
