"""Every command's ``--help`` as one Markdown page (``docs/commands.md``), generated from the CLI itself.

``make docs`` (``python -m summarizer.cli.helpdoc > docs/commands.md``) writes it; a test compares the
page with a fresh rendering, so the documented help cannot drift from the command's.
"""

from __future__ import annotations

import click

WIDTH = 100

_HEAD = """# Command reference

Every command's `--help`, generated from the command itself by `make docs`
(`python -m summarizer.cli.helpdoc > docs/commands.md`); `tests/test_docs.py` fails when this page
and the command differ.
"""


def command_help(group: click.Group, name: str | None) -> str:
    """The help of ``summarize`` (``name`` None: the default command's) or of ``summarize NAME``."""
    settings = {"terminal_width": WIDTH, "max_content_width": WIDTH, **group.context_settings}
    parent = click.Context(group, info_name="summarize", **settings)
    command = group.get_command(parent, name or "run")  # the lazy ones (export, schema...) are imported here
    assert command is not None, name
    info = "summarize" if name is None else name
    context = click.Context(command, info_name=info, parent=None if name is None else parent, **settings)
    return command.get_help(context).rstrip() + "\n"


def help_page() -> str:
    """The whole page: ``summarize --help``, then each subcommand's, in name order."""
    from summarizer.cli import cli

    sections = [_HEAD]
    listed = cli.list_commands(click.Context(cli, info_name="summarize"))
    names: list[str | None] = [None, *sorted(name for name in listed if name != "run")]
    for name in names:
        title = "summarize" if name is None else f"summarize {name}"
        sections.append(f"## {title}\n\n```text\n{command_help(cli, name)}```\n")
    return "\n".join(sections)


if __name__ == "__main__":
    print(help_page(), end="")
