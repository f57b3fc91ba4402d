"""The command group's own behaviour: a default command, commands imported only when they run, completion.

``summarize article.txt`` runs ``run``; ``export``, ``schema`` and ``languages`` are listed by their
summary and imported when one of them runs (``LAZY_COMMANDS``), so ``--help`` imports none of them.
"""

from __future__ import annotations

import click
from click.shell_completion import CompletionItem

__all__ = ["LAZY_COMMANDS", "DefaultGroup"]

# Commands imported only when they run: name -> (module, attribute, the summary ``--help`` lists).
# Each summary is its command's own first docstring line (a test holds them equal).
LAZY_COMMANDS = {
    "export": (
        "summarizer.cli.tools",
        "export",
        "Write a batch's results file as tables: articles, chairs, targets, directives.",
    ),
    "schema": (
        "summarizer.cli.tools",
        "schema",
        "Print the JSON Schema of the output (the brief), or of a draft the model fills in (NAME).",
    ),
    "languages": (
        "summarizer.cli.languages",
        "languages_command",
        "List the languages whose lexicon the rules read, and what each covers.",
    ),
}


class DefaultGroup(click.Group):
    """A group that runs its default command when the first argument is not a subcommand.

    The commands of ``LAZY_COMMANDS`` are listed by their summary and imported when resolved to run.
    Shell completion offers the subcommands and the files they or the default command take.
    """

    default_command = "run"
    _listing = False

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        known = (*self.commands, *LAZY_COMMANDS, "--help", "-h", "--version")
        if args and args[0] not in known:
            args = [self.default_command, *args]
        elif not args and not ctx.resilient_parsing:  # completing the first word: stay at the group
            args = [self.default_command, "--help"]
        return super().parse_args(ctx, args)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in LAZY_COMMANDS or cmd_name in self.commands:
            return super().get_command(ctx, cmd_name)
        module, attribute, summary = LAZY_COMMANDS[cmd_name]
        if self._listing:  # ``--help`` lists it: its summary is enough
            return click.Command(cmd_name, help=summary)
        import importlib

        command: click.Command = getattr(importlib.import_module(module), attribute)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self._listing = True
        try:
            super().format_commands(ctx, formatter)
        finally:
            self._listing = False

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list[CompletionItem]:
        """The first word: a subcommand, or a path for the default command."""
        commands = [item for item in super().shell_complete(ctx, incomplete) if item.value != self.default_command]
        if not commands:
            return [CompletionItem(incomplete, type="file")]  # the shell's own file completion
        return commands + [CompletionItem(path) for path in _paths(incomplete)]


def _paths(incomplete: str) -> list[str]:
    """Files and folders (these with a slash) whose names start with ``incomplete``, as the shell would list them."""
    import glob
    import os

    return sorted(p + "/" if os.path.isdir(p) else p for p in glob.glob(glob.escape(incomplete) + "*"))
