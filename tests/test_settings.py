"""Settings checked where they are made (issue 14): language codes, timeouts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer import summarize
from summarizer.errors import ConfigurationError
from summarizer.settings import Settings
from tests.conftest import REPO
from tests.servers import FROM_SCHEMA, Action, scripted_server
from tests.together import together

ARTICLE = "Le 3 mars 2024, le comité du district de Hoa Binh a tenu une conférence présidée par Tran Van Minh."


def test_an_unknown_language_exits_2_with_the_list_and_asks_no_model(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    # Each run has a server of its own, so that the refused run's (none) requests are counted apart.
    with (
        scripted_server([Action(content=FROM_SCHEMA)]) as server,
        scripted_server([Action(content=FROM_SCHEMA)]) as other,
    ):

        def brief(url: str, code: str) -> subprocess.CompletedProcess[str]:
            command = [sys.executable, "-m", "summarizer", str(article), "--base-url", url, "--model", "m"]
            command += ["--cache-mode", "off", "--format", "json", "--lang", code]
            return subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=REPO)

        bad, good = together(lambda: brief(server.url, "zz"), lambda: brief(other.url, "DE"))
        asked = len(server.requests)
    assert bad.returncode == 2 and asked == 0, bad.stderr
    assert "unknown language 'zz'" in bad.stderr and all(f" {code}," in bad.stderr for code in ("de", "fr", "uk"))
    assert good.returncode == 0, good.stderr
    brief = json.loads(good.stdout)
    # DE is taken as de: German is asked for (the scripted server's filler text is not German, so the
    # check leaves the translation out and says so).
    german = [s for s in brief["summaries"] if s["language"] == "de"]
    assert german or any(w.startswith("no German summary") for w in brief["warnings"]), brief["warnings"]


@pytest.mark.parametrize("code", ["zz", "english", "", "d"])
def test_the_library_refuses_unknown_languages(code: str) -> None:
    with pytest.raises(ConfigurationError, match="ISO 639-1"):
        # A server nobody answers on: if the code were accepted, the run would fail fast, never load a model.
        summarize(
            ARTICLE, language=code, cache_mode="off", base_url="http://127.0.0.1:9/v1", model="m", total_timeout=1
        )


@pytest.mark.parametrize("field", ["timeout", "total_timeout"])
@pytest.mark.parametrize("value", [0, -1.0, float("nan"), "10"])
def test_timeouts_are_positive_seconds(field: str, value: object) -> None:
    with pytest.raises(ConfigurationError, match=field):
        Settings.from_options(**{field: value})


def test_timeouts_have_sane_defaults() -> None:
    settings = Settings()
    assert settings.timeout == 120.0 and settings.total_timeout == 300.0


def test_a_base_url_that_is_no_url_fails_at_once_without_retries() -> None:
    import time

    from click.testing import CliRunner

    from summarizer.cli import cli
    from tests.conftest import seed

    started = time.monotonic()
    result = CliRunner().invoke(
        cli, [str(seed("004")), "--base-url", "not a url", "--model", "m", "--cache-mode", "off"]
    )
    assert result.exit_code == 2 and "not an http(s) URL" in result.output, result.output
    assert time.monotonic() - started < 10  # no backoff: it was retried 5 times over 17 s


@pytest.mark.parametrize("value", [123, "ftp://example.org/v1", "127.0.0.1:8080"])
def test_the_library_refuses_a_base_url_of_the_wrong_kind_in_its_own_error_family(value: object) -> None:
    with pytest.raises(ConfigurationError, match="http"):
        summarize("Le comité a tenu une conférence le 3 mars 2024.", base_url=value, cache_mode="off")  # type: ignore[arg-type]
