import json

from conftest import ROOT, run_checker, write

from checker.docs import BEGIN, END, KINDS_PAGE, RULES_INDEX, kinds_page, rules_table


def test_the_rule_table_is_generated_from_the_rule_files():
    index = (ROOT / RULES_INDEX).read_text(encoding="utf-8")
    current = index.split(BEGIN, 1)[1].split(END, 1)[0].strip()
    assert current == rules_table(), f"{RULES_INDEX}'s rule table is out of date: run python -m checker.docs --write"


def test_every_builtin_rule_has_its_generated_page():
    from checker.docs import builtin_rules, rule_page
    from checker.report.sarif import SESSION_RULES

    folder = ROOT / "docs" / "rules"
    rules = builtin_rules()
    pages = sorted(p.name for p in folder.glob("*.md") if p.name != RULES_INDEX.name)
    assert pages == sorted([f"{r.id}.md" for r in rules] + [f"{rule_id}.md" for rule_id in SESSION_RULES])
    for rule in rules:
        page = (folder / f"{rule.id}.md").read_text(encoding="utf-8")
        assert page == rule_page(rule), f"docs/rules/{rule.id}.md is out of date: run python -m checker.docs --write"


def test_the_kind_reference_is_generated_from_the_kinds():
    page = (ROOT / KINDS_PAGE).read_text(encoding="utf-8")
    assert page == kinds_page(), f"{KINDS_PAGE} is out of date: run python -m checker.docs --write"


def test_the_kind_reference_lists_every_field_of_every_kind():
    from checker.docs import builtin_kinds

    page = kinds_page()
    for name, kind in builtin_kinds().items():
        section = page.split(f"## `{name}`\n", 1)[1].split("\n## ", 1)[0]
        for field, option in kind.fields().items():
            if field in kind.OPTIONS or any(field in options for options in kind.SELECTED_OPTIONS.values()):
                assert f"| `{field}` |" in section and option.help in section.replace("\\|", "|"), (name, field)
        for value in kind.SELECTED_OPTIONS:
            assert f"### `{kind.SELECTOR}: {value}`" in section


def test_docs_check_fails_on_a_stale_kind_reference(tmp_path):
    from checker.docs import stale

    for page in (ROOT / "docs" / "rules").glob("*.md"):
        write(tmp_path / "docs" / "rules", page.name, page.read_text(encoding="utf-8"))
    write(tmp_path, str(KINDS_PAGE), kinds_page())
    assert stale(tmp_path) == []
    write(tmp_path, str(KINDS_PAGE), kinds_page().replace("the pattern counted", "the pattern"))
    assert stale(tmp_path) == [str(KINDS_PAGE)]


def test_help_links_point_at_the_generated_rule_pages(tmp_path):
    """Every built-in rule's help link in a report (SARIF's ``helpUri``) is the address of its
    page in this repository: the path after the repository's address is its generated page."""
    from checker.about import HOMEPAGE
    from checker.docs import builtin_rules

    article = write(tmp_path, "a.txt", "Title: A test\n\nThe the council met.\n")
    result = run_checker("-f", "sarif", "--no-cache", str(article))
    links = {rule["id"]: rule["helpUri"] for rule in json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]}
    builtin = [rule.id for rule in builtin_rules() if rule.enabled]  # those off by default are not run
    assert set(builtin) <= set(links), result.stderr
    builtin += sorted(set(links) - set(builtin))  # what the run reports itself: parse-error, unused-suppression
    assert "parse-error" in builtin and "unused-suppression" in builtin
    prefix = f"{HOMEPAGE}/blob/main/"
    for rule_id in builtin:
        assert links[rule_id].startswith(prefix), links[rule_id]
        page = ROOT / links[rule_id][len(prefix):]
        assert page.is_file(), f"{rule_id}: {links[rule_id]} names no page in the repository"
        assert page.read_text(encoding="utf-8").startswith(f"# {rule_id}\n")
