from conftest import ROOT

from checker.docs import BEGIN, END, rules_table


def test_readme_rule_table_is_generated_from_the_rule_files():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    current = readme.split(BEGIN, 1)[1].split(END, 1)[0].strip()
    assert current == rules_table(), "README rule table is out of date: run python -m checker.docs --write"


def test_every_builtin_rule_has_its_generated_page():
    from checker.docs import builtin_rules, rule_page

    folder = ROOT / "docs" / "rules"
    rules = builtin_rules()
    assert sorted(p.name for p in folder.glob("*.md")) == sorted(f"{r.id}.md" for r in rules)
    for rule in rules:
        page = (folder / f"{rule.id}.md").read_text(encoding="utf-8")
        assert page == rule_page(rule), f"docs/rules/{rule.id}.md is out of date: run python -m checker.docs --write"


def test_help_links_point_at_the_rule_pages():
    from checker.about import DOCS_URL

    assert DOCS_URL.endswith("/docs/rules/{id}.md")
