"""The documentation cannot drift from the code: the command help page is generated and compared, the README
stays short and points at pages that exist (issue 24)."""

from __future__ import annotations

import re

from summarizer.cli.helpdoc import help_page
from tests.conftest import REPO


def test_the_command_reference_is_the_commands_own_help() -> None:
    page = (REPO / "docs" / "commands.md").read_text(encoding="utf-8")
    assert page == help_page(), "docs/commands.md is stale: run make docs"
    for command in ("summarize", "summarize batch", "summarize export", "summarize eval", "summarize schema"):
        assert f"## {command}\n" in page


def test_the_readme_starts_small_and_every_link_leads_somewhere() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) < 150
    assert readme.index("make demo") < readme.index("make test") < 400  # the two commands come first
    links = re.findall(r"\]\(([^)#]+)\)", readme)
    assert "docs/fields.md" in links and "docs/install.md" in links
    assert [link for link in links if not (REPO / link).is_file()] == []
    for page in (REPO / "docs").glob("*.md"):
        for link in re.findall(r"\]\(([^)#:]+\.md)\)", page.read_text(encoding="utf-8")):
            assert (page.parent / link).is_file(), (page.name, link)
