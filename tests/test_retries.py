"""Transient retries (tenacity) and schema re-asks (instructor) against a real local HTTP server."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from summarizer.cache import ResponseCache
from summarizer.client import ModelClient, RetryPolicy, Session
from summarizer.errors import AuthenticationError, ModelOutputError, ProviderError
from summarizer.providers.openai import OpenAIProvider
from summarizer.steps.summary import SummaryDraft
from tests.conftest import REPO
from tests.servers import Action, scripted_server

GOOD = {"headline": "A meeting", "summary": "It met."}
FAST = RetryPolicy(attempts=4, first_wait=0.01, max_wait=2.0, total_seconds=30.0, reasks=2)
MESSAGES = [{"role": "user", "content": "Summarise."}]


def session(url: str, tmp_path: Path, timeout: float = 10.0, api_key: str | None = None) -> Session:
    provider = OpenAIProvider("scripted", base_url=url, api_key=api_key, timeout=timeout)
    return ModelClient(provider, ResponseCache(tmp_path / "cache", "off"), retry=FAST).session("article.txt")


def ask(s: Session) -> SummaryDraft:
    return s.ask(SummaryDraft, MESSAGES, "summary:test", max_tokens=100)


def test_429_with_retry_after_is_honoured(tmp_path: Path) -> None:
    script = [Action(status=429, headers={"retry-after": "1"}), Action(content=GOOD)]
    with scripted_server(script) as server:
        started = time.monotonic()
        s = session(server.url, tmp_path)
        assert ask(s).headline == "A meeting"
        assert time.monotonic() - started >= 1.0  # waited as long as the server asked
    assert len(server.requests) == 2
    assert s.usage.calls == 2 and s.usage.prompt_tokens == 50


@pytest.mark.parametrize("status", [429, 500, 503])
def test_transient_statuses_are_retried_until_success(tmp_path: Path, status: int) -> None:
    with scripted_server([Action(status=status), Action(status=status), Action(content=GOOD)]) as server:
        assert ask(session(server.url, tmp_path)).summary == "It met."
    assert len(server.requests) == 3


def test_persistent_failure_stops_after_the_bound_and_says_why(tmp_path: Path) -> None:
    with (
        scripted_server([Action(status=500)]) as server,
        pytest.raises(ProviderError, match="still failing after 4 attempts"),
    ):
        ask(session(server.url, tmp_path))
    assert len(server.requests) == FAST.attempts


def test_401_is_not_retried_and_names_the_fix(tmp_path: Path) -> None:
    with scripted_server([Action(status=401)]) as server, pytest.raises(AuthenticationError, match="OPENAI_API_KEY"):
        ask(session(server.url, tmp_path, api_key="sk-wrong"))
    assert len(server.requests) == 1


def test_a_body_that_is_not_json_is_retried(tmp_path: Path) -> None:
    with scripted_server([Action(raw_body=b"<html>bad gateway</html>"), Action(content=GOOD)]) as server:
        assert ask(session(server.url, tmp_path)).headline == "A meeting"
    assert len(server.requests) == 2


def test_slow_answer_times_out_and_is_retried(tmp_path: Path) -> None:
    with scripted_server([Action(content=GOOD, delay=3.0), Action(content=GOOD)]) as server:
        assert ask(session(server.url, tmp_path, timeout=0.5)).headline == "A meeting"
    assert len(server.requests) == 2


def test_answer_breaking_the_schema_is_re_asked_and_tokens_counted(tmp_path: Path) -> None:
    with scripted_server([Action(content={"headline": "only"}), Action(content=GOOD)]) as server:
        s = session(server.url, tmp_path)
        assert ask(s).summary == "It met."
    assert len(server.requests) == 2
    reask = server.requests[1]["messages"]
    assert len(reask) > len(MESSAGES) and "summary" in reask[-1]["content"]
    assert s.usage.prompt_tokens == 100 and s.usage.completion_tokens == 10


def test_endless_schema_breaking_ends_in_a_clear_error(tmp_path: Path) -> None:
    with (
        scripted_server([Action(content={"nothing": 1})]) as server,
        pytest.raises(ModelOutputError, match="did not fit the schema after 3 attempts"),
    ):
        ask(session(server.url, tmp_path))
    assert len(server.requests) == FAST.reasks + 1


def test_output_cut_by_the_token_limit_is_an_error_not_a_guess(tmp_path: Path) -> None:
    with (
        scripted_server([Action(content=GOOD, finish_reason="length")]) as server,
        pytest.raises(ModelOutputError, match="cut off"),
    ):
        ask(session(server.url, tmp_path))


def test_the_schema_travels_in_the_request(tmp_path: Path) -> None:
    with scripted_server([Action(content=GOOD)]) as server:
        ask(session(server.url, tmp_path))
    response_format = server.requests[0]["response_format"]
    assert response_format["type"] == "json_schema"
    assert response_format["json_schema"]["schema"]["properties"]["headline"]["maxLength"] == 160
    assert "repeat_penalty" not in server.requests[0]


def test_a_dropped_connection_is_retried(tmp_path: Path) -> None:
    with scripted_server([Action(drop=True), Action(content=GOOD)]) as server:
        assert ask(session(server.url, tmp_path)).headline == "A meeting"
    assert len(server.requests) == 2


def test_empty_choices_are_retried_then_reported(tmp_path: Path) -> None:
    empty = b'{"id": "x", "object": "chat.completion", "created": 0, "model": "m", "choices": []}'
    with scripted_server([Action(raw_body=empty), Action(content=GOOD)]) as server:
        assert ask(session(server.url, tmp_path)).headline == "A meeting"
    with scripted_server([Action(raw_body=empty)]) as server, pytest.raises(ProviderError, match="no choices"):
        ask(session(server.url, tmp_path))


def test_total_time_stays_bounded_whatever_retry_after_says(tmp_path: Path) -> None:
    bounded = RetryPolicy(attempts=10, first_wait=0.01, max_wait=0.5, total_seconds=2.0, reasks=0)
    with scripted_server([Action(status=503, headers={"retry-after": "3600"})]) as server:
        provider = OpenAIProvider("scripted", base_url=server.url, timeout=5)
        s = ModelClient(provider, ResponseCache(tmp_path / "c", "off"), retry=bounded).session("a.txt")
        started = time.monotonic()
        with pytest.raises(ProviderError, match="still failing"):
            ask(s)
        elapsed = time.monotonic() - started
    assert elapsed < 2.0 + 0.5 + 1.0  # the total bound plus one capped wait and slack, not an hour
    assert 2 <= len(server.requests) < 10


def test_tokens_of_a_cut_off_answer_are_counted(tmp_path: Path) -> None:
    with scripted_server([Action(content=GOOD, finish_reason="length")]) as server:
        s = session(server.url, tmp_path)
        with pytest.raises(ModelOutputError):
            ask(s)
    assert s.usage.calls == 1 and s.usage.prompt_tokens == 50 and s.usage.completion_tokens == 5


@pytest.mark.parametrize("content_type", ["application/json", "text/html"])
def test_a_200_body_that_is_not_json_is_a_transient_fault(tmp_path: Path, content_type: str) -> None:
    bad = Action(raw_body=b"<html>bad gateway</html>", headers={"content-type": content_type})
    with scripted_server([bad]) as server, pytest.raises(ProviderError, match="not JSON") as raised:
        ask(session(server.url, tmp_path))
    assert len(server.requests) == FAST.attempts  # retried with backoff as a transient fault, not re-asked
    assert not isinstance(raised.value, ModelOutputError)


BOUNDED = RetryPolicy(attempts=5, first_wait=0.01, max_wait=0.5, total_seconds=2.0, reasks=0)


@pytest.mark.parametrize(
    "never_done",
    [Action(content=GOOD, delay=30.0), Action(trickle=0.2, delay=30.0)],
    ids=["silent", "trickling"],
)
def test_the_total_bound_holds_wall_clock_whatever_the_server_does(tmp_path: Path, never_done: Action) -> None:
    with scripted_server([never_done]) as server:
        provider = OpenAIProvider("scripted", base_url=server.url, timeout=20.0)  # each read well within 20 s
        s = ModelClient(provider, ResponseCache(tmp_path / "c", "off"), retry=BOUNDED).session("a.txt")
        started = time.monotonic()
        with pytest.raises(ProviderError, match=r"no whole answer within 2 s"):
            ask(s)
        elapsed = time.monotonic() - started
    assert elapsed < 2.0 + 0.5, elapsed


def test_the_cli_gives_up_on_a_silent_server_within_its_total_timeout(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Le 3 mars 2024, le comité a tenu une conférence.", encoding="utf-8")
    with scripted_server([Action(content=GOOD, delay=60.0)]) as server:
        command = [sys.executable, "-m", "summarizer", str(article), "--base-url", server.url, "--model", "m"]
        command += ["--cache-mode", "off", "--timeout", "30", "--total-timeout", "2"]
        started = time.monotonic()
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=REPO)
        elapsed = time.monotonic() - started
    assert result.returncode == 1, result.stderr
    assert "no whole answer within 2 s" in result.stderr and "Traceback" not in result.stderr
    assert elapsed < 15, elapsed  # start-up plus the 2 s bound, far below one 30 s read timeout
