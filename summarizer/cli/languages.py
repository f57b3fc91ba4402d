"""``summarize languages``: the languages the rules read, and what each lexicon covers."""

from __future__ import annotations

import click

# What the rules read, and the lexicon categories each part needs (any one of them).
PARTS = {
    "chairs": ("chair_verbs",),
    "figures": ("percent_words", "plan_words", "of_total_words", "target_words"),
    "statuses": ("status_words", "status_verbs"),
    "directives": ("directive_words",),
    "meeting names": ("meeting_nouns",),
    "bodies": ("bodies",),
    "dates": ("date_patterns", "date_words"),
    "places": ("places",),
}


@click.command("languages")
@click.option("--json", "as_json", is_flag=True, help="Print every category's entry count as JSON.")
def languages_command(as_json: bool) -> None:
    """List the languages whose lexicon the rules read, and what each covers.

    An article in another language is still summarised: the model alone finds its chairing sentence
    and its figures (only those standing in the article are kept), and the brief warns about it.
    """
    import json

    from summarizer import lexicon

    coverage = lexicon.coverage()
    if as_json:
        click.echo(json.dumps(coverage, indent=2, ensure_ascii=False))
        return
    found = lexicon.languages()
    click.echo("| code | language | " + " | ".join(PARTS) + " | entries |")
    click.echo("|---|---|" + "---|" * len(PARTS) + "---|")
    for code, counts in coverage.items():
        cells = [str(sum(counts.get(category, 0) for category in needs) or "–") for needs in PARTS.values()]
        click.echo(f"| {code} | {found[code].name} | " + " | ".join(cells) + f" | {sum(counts.values())} |")
