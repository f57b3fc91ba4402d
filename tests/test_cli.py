"""The summarize command: formats, output files and exit codes (replaying recorded answers)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer.cli import cli
from tests.conftest import seed

SEED = seed("004")


def replay_args(recorded_cache: Path) -> list[str]:
    return ["--cache-dir", str(recorded_cache), "--cache-mode", "replay", "--provider", "local"]


def test_json_output_is_a_valid_brief(recorded_cache: Path) -> None:
    result = CliRunner().invoke(cli, [str(SEED), "--format", "json", *replay_args(recorded_cache)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["language"] == "fr" and [s["language"] for s in data["summaries"]] == ["en", "fr"]
    assert data["provenance"]["cached"] is True


def test_markdown_and_text_show_both_languages(recorded_cache: Path) -> None:
    for output_format in ("markdown", "text"):
        result = CliRunner().invoke(cli, [str(SEED), "--format", output_format, *replay_args(recorded_cache)])
        assert result.exit_code == 0, result.output
        assert "English" in result.stdout or "[en]" in result.stdout
        assert "French" in result.stdout or "[fr]" in result.stdout
        assert "Chaired by" in result.stdout and "Targets" in result.stdout


def test_output_file_and_stdin(recorded_cache: Path, tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    result = CliRunner().invoke(
        cli, ["-", "--format", "markdown", "-o", str(target), *replay_args(recorded_cache)], input=SEED.read_bytes()
    )
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("## ")


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), (b"", "is empty"), (b"\x00\x01\x02", "binary"), (b"\xff\xfe\x00\xd8", "utf-16")],
)
def test_bad_input_exits_2_and_says_why(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    result = CliRunner().invoke(cli, [str(path)])
    assert result.exit_code == 2
    assert message in result.output


def test_directory_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, [str(tmp_path)])
    assert result.exit_code == 2 and "is a directory" in result.output


def test_replay_miss_exits_1_naming_what_is_missing(tmp_path: Path) -> None:
    article = tmp_path / "new.txt"
    article.write_text("Le 3 mars, le comité a tenu une conférence présidée par M. Tran Van A.", encoding="utf-8")
    result = CliRunner().invoke(cli, [str(article), "--cache-dir", str(tmp_path / "c"), "--cache-mode", "replay"])
    assert result.exit_code == 1
    assert "new.txt: no recorded response" in result.output and "cache key" in result.output


def test_bad_option_exits_2() -> None:
    result = CliRunner().invoke(cli, [str(SEED), "--cache-mode", "sometimes"])
    assert result.exit_code == 2


def test_openai_without_key_or_server_names_the_fix() -> None:
    result = CliRunner().invoke(cli, [str(SEED), "--provider", "openai"])
    assert result.exit_code == 2 and "OPENAI_API_KEY" in result.output


def test_installed_command_help_explains_providers() -> None:
    result = subprocess.run([sys.executable, "-m", "summarizer", "--help"], capture_output=True, text=True, check=True)
    for word in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZER_MODEL_PATH", "replay", "Exit codes"):
        assert word in result.stdout


@pytest.mark.parametrize(
    ("name", "given", "starts"),
    [("brief.html", None, "<!DOCTYPE html>"), ("brief.md", None, "## "), ("brief.json", None, "{"),
     ("brief.txt", None, "[en] "), ("brief.html", "markdown", "## ")],
)  # fmt: skip
def test_the_output_extension_picks_the_format(
    recorded_cache: Path, tmp_path: Path, name: str, given: str | None, starts: str
) -> None:
    target = tmp_path / name
    args = [str(SEED), "-o", str(target), *replay_args(recorded_cache), *(["--format", given] if given else [])]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith(starts)


def test_main_help_shows_main_options_examples_and_commands() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    for word in ("--format", "-o, --output", "--quiet", "Examples:", "summarize batch", "export", "schema"):
        assert word in result.output
    assert "_SUMMARIZE_COMPLETE=bash_source" in result.output
    assert "see above" not in CliRunner().invoke(cli, ["batch", "--help"]).output


def test_quiet_and_verbose(recorded_cache: Path, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    args = ["batch", str(SEED), "-o", str(out), *replay_args(recorded_cache)]
    quiet = CliRunner().invoke(cli, [*args, "--quiet"])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    verbose = CliRunner().invoke(cli, [*args, "--verbose"])
    assert verbose.exit_code == 0 and "skipped=1" in verbose.stderr
    steps = CliRunner().invoke(cli, [str(SEED), "-v", "--cache-mode", "replay", "--cache-dir", str(tmp_path / "c")])
    assert steps.exit_code == 1 and "asking the model: " in steps.stderr  # the step named before the miss
    both = CliRunner().invoke(cli, [str(SEED), "-q", "-v"])
    assert both.exit_code == 2 and "exclude each other" in both.output


@pytest.mark.parametrize("name", ["brief.csv", "brief"])
def test_an_output_name_that_names_no_format_is_refused_with_the_formats(tmp_path: Path, name: str) -> None:
    result = CliRunner().invoke(cli, [str(SEED), "-o", str(tmp_path / name)])  # no model, no cache: refused first
    assert result.exit_code == 2 and ".json" in result.output and "--format" in result.output, result.output
    assert not (tmp_path / name).exists()
    written = CliRunner().invoke(cli, [str(SEED), "-o", str(tmp_path / name), "--format", "json", "--cache-mode", "x"])
    assert written.exit_code == 2 and "cannot tell the format" not in written.output  # --format settles it


def complete(words: str, cwd: Path) -> list[str]:
    """What the installed command offers the shell for ``words`` (click's bash protocol: "type,value" lines)."""
    cword = len(words.split()) - (0 if words.endswith(" ") else 1)
    env = {**os.environ, "_SUMMARIZE_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
    command = Path(sys.executable).parent / "summarize"  # the installed script: its name picks the variable
    done = subprocess.run([command], env=env, cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_shell_completion_offers_subcommands_and_paths(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "brief-notes.txt").write_text("x", encoding="utf-8")
    first = complete("summarize ", tmp_path)
    assert {"plain,batch", "plain,export", "plain,eval", "plain,schema"} <= set(first)
    assert {"plain,articles/", "plain,brief-notes.txt"} <= set(first) and "plain,run" not in first
    assert complete("summarize b", tmp_path) == ["plain,batch", "plain,brief-notes.txt"]
    assert complete("summarize art", tmp_path) == ["file,art"]  # no subcommand: the shell's file completion
    assert complete("summarize batch art", tmp_path) == ["file,art"]
    assert complete("summarize export ", tmp_path) == ["file,"]
    assert complete("summarize batch articles --html-dir ", tmp_path) == ["dir,"]
    assert "plain,--format" in complete("summarize brief-notes.txt --fo", tmp_path)
