"""URL input, against a real HTTP server on 127.0.0.1 (``tests.servers.page_server``): no outside network.

Pages, redirects within and past the bound, errors (404, too large, too slow, not text, refused),
the charset of the Content-Type header, and a seed article served as text/plain that the CLI,
run as a real process, replays to the same brief as the file.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarizer import summarize
from summarizer.cache import ResponseCache
from summarizer.client import ModelClient
from summarizer.engines.batch import expand_inputs, load_results, run_batch
from summarizer.errors import InputError
from summarizer.inputs import FetchLimits, fetch_article, is_url, read_article
from tests.conftest import REPO, seed
from tests.fakes import FakeProvider
from tests.servers import Page, page_server
from tests.together import together

SEED = seed("004")
PAGE = b"""<!DOCTYPE html>
<html><head><title>District news</title></head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World desk</a> | <a href="/sport">Sport desk</a></nav>
<article>
<h1>District committee reviews its mid-term targets</h1>
<p>On 3 March 2024 the district committee of Riverside held its mid-term review, chaired by Anna Berg,
the committee's chairwoman. Delegates heard that the district met 12 of its 15 targets for the period.</p>
<p>Anna Berg asked every commune to finish the new water network before the rainy season and to report
on the remaining three targets by the end of the year.</p>
</article>
<footer>Copyright Riverside Courier. All rights reserved. Subscribe to our newsletter.</footer>
</body></html>
"""
GREEK = "Η επιτροπή της περιφέρειας συνεδρίασε στις 3 Μαρτίου 2024 υπό την προεδρία της Ελένης Παππά."
LATIN1 = "Le comité du district s'est réuni le 3 mars 2024 sous la présidence de Mme Hélène Durand."


def hops(prefix: str, count: int, to: str) -> dict[str, Page]:
    """A chain of ``count`` redirects from ``<prefix><count>`` down to ``to`` (301s and 302s, relative Locations)."""
    return {
        f"{prefix}{n}": Page(
            b"", status=302 if n % 2 else 301, headers={"Location": f"{prefix}{n - 1}" if n > 1 else to}
        )
        for n in range(count, 0, -1)
    }


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    pages = {
        "/article.html": Page(PAGE),
        "/seed.txt": Page(SEED.read_bytes(), "text/plain; charset=utf-8"),
        "/latin1.txt": Page(LATIN1.encode("latin-1"), "text/plain; charset=ISO-8859-1"),
        "/greek.txt": Page(GREEK.encode("iso-8859-7"), "text/plain; charset=iso-8859-7"),
        "/mislabelled.txt": Page(LATIN1.encode("latin-1"), 'text/plain; charset="utf-8"'),
        "/missing-type": Page(LATIN1.encode("utf-8"), ""),
        "/big": Page(b"x" * 2000, "text/plain"),
        "/big-unsized": Page(b"x " * 1000, "text/plain", length=False),
        "/slow": Page(b"late", "text/plain", delay=5),
        "/trickle": Page(b"x" * 100, "text/plain", trickle=0.1),
        "/photo.png": Page(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png"),
        "/to-ftp": Page(b"", status=302, headers={"Location": "ftp://127.0.0.1/file.txt"}),
        "/gone": Page(b"", status=302),
        "/private": Page(b"no", "text/plain", status=403),
        **hops("/hop/", 5, "/seed.txt"),
        **hops("/long/", 6, "/seed.txt"),
    }
    with page_server(pages) as base:
        yield base


def test_an_html_page_is_reduced_to_its_article(site: str) -> None:
    article = read_article(f"{site}/article.html")
    assert article.source == f"{site}/article.html" and article.format == "html" and article.encoding == "utf-8"
    assert article.text.startswith("District committee reviews its mid-term targets")
    assert "chaired by Anna Berg" in article.text and "by the end of the year." in article.text
    assert "World desk" not in article.text and "Copyright" not in article.text and "newsletter" not in article.text


def test_a_text_page_is_the_file_byte_for_byte(site: str) -> None:
    article = read_article(f"{site}/seed.txt")
    from_file = read_article(SEED)
    assert article.format == "text" and article.text == from_file.text and article.sha256 == from_file.sha256


def test_the_content_type_charset_decodes_the_body(site: str) -> None:
    article = read_article(f"{site}/latin1.txt")
    assert article.text == LATIN1 and article.encoding == "cp1252" and article.notes == ()
    greek = read_article(f"{site}/greek.txt")  # an encoding detection never guesses: only the header says it
    assert greek.text == GREEK and greek.encoding == "iso8859-7" and greek.notes == ()
    wrong = read_article(f"{site}/mislabelled.txt")  # the label is wrong: set aside, said, and the bytes guessed
    assert wrong.text == LATIN1 and wrong.notes[0] == "not valid utf-8 as the server declared: read as cp1252"
    unlabelled = read_article(f"{site}/missing-type")  # no Content-Type at all: detected as any file's bytes
    assert unlabelled.text == LATIN1 and unlabelled.encoding == "utf-8"


def test_redirects_within_the_bound_are_followed(site: str) -> None:
    article = fetch_article(f"{site}/hop/5")
    assert article.source == f"{site}/hop/5" and article.sha256 == read_article(SEED).sha256
    with pytest.raises(InputError, match="more than 4 redirects"):
        fetch_article(f"{site}/hop/5", FetchLimits(max_redirects=4))


@pytest.mark.parametrize(
    ("path", "limits", "message"),
    [
        ("/long/6", FetchLimits(), r"/long/6: more than 5 redirects \(the last to http://127\.0\.0\.1:\d+/seed\.txt\)"),
        ("/nowhere", FetchLimits(), r"/nowhere: the server answered HTTP 404 Not Found; no such page: check the URL"),
        ("/private", FetchLimits(), r"HTTP 403 Forbidden; the page needs a login .* save it from your browser"),
        ("/gone", FetchLimits(), r"HTTP 302 Found; a redirect that says nowhere to go"),
        ("/big", FetchLimits(max_bytes=1000), r"/big: the page is too large \(2,000 bytes\), over the limit of 1,000"),
        ("/big-unsized", FetchLimits(max_bytes=1000), r"/big-unsized: the page is too large, over the limit of 1,000"),
        ("/photo.png", FetchLimits(), r"/photo\.png: the server sent image/png, not an HTML page or text"),
        ("/to-ftp", FetchLimits(), r"/to-ftp: redirected to ftp://127\.0\.0\.1/file\.txt, which is not an http"),
    ],
)
def test_each_failure_says_what_and_what_to_do(site: str, path: str, limits: FetchLimits, message: str) -> None:
    with pytest.raises(InputError, match=message) as raised:
        fetch_article(f"{site}{path}", limits)
    assert str(raised.value).startswith(f"{site}{path}: ")


def test_a_server_that_does_not_answer_times_out(site: str) -> None:
    started = time.monotonic()
    with pytest.raises(InputError, match=r"/slow: the server did not answer within 0\.5 s; try again later"):
        fetch_article(f"{site}/slow", FetchLimits(read_timeout=0.5))
    assert time.monotonic() - started < 3  # the page would come after 5 s


def test_a_trickling_server_meets_the_overall_deadline(site: str) -> None:
    started = time.monotonic()  # each byte comes well within the read timeout; the whole body would take 10 s
    with pytest.raises(InputError, match=r"/trickle: fetching took longer than 1 s in all"):
        fetch_article(f"{site}/trickle", FetchLimits(read_timeout=5, deadline=1))
    assert time.monotonic() - started < 3


def test_a_refused_connection_is_said_so() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there now
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(InputError, match=rf"cannot connect to 127\.0\.0\.1:{port} \(connection refused"):
        fetch_article(f"http://127.0.0.1:{port}/article.html")


def test_what_counts_as_a_url() -> None:
    assert is_url("https://example.org/a?b=1") and is_url("HTTP://example.org")
    assert not is_url("ftp://example.org/a") and not is_url("example.org/a.html") and not is_url("http://")
    assert not is_url("see https://example.org for more")
    assert expand_inputs(["https://example.org/news?id=1&p=2"]) == ["https://example.org/news?id=1&p=2"]


def test_the_library_and_the_batch_take_urls(site: str, tmp_path: Path) -> None:
    client = ModelClient(FakeProvider(), ResponseCache(tmp_path / "c", "use"))
    brief = summarize(f"{site}/article.html", client=client)
    assert brief.provenance.source == f"{site}/article.html" and brief.provenance.input_format == "html"
    out = tmp_path / "results.jsonl"
    summary = run_batch([f"{site}/article.html", f"{site}/nowhere"], out, client=client)
    assert (summary.ok + summary.cached, summary.failed) == (1, 1)
    lines = {line["input"]: line for line in load_results(out)}
    assert lines[f"{site}/article.html"]["status"] in ("ok", "cached")
    assert "HTTP 404" in lines[f"{site}/nowhere"]["error"]["message"]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The CLI as a user runs it: a separate process, this worktree's package first on the path."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *args], capture_output=True, text=True, env=env, timeout=300
    )


def test_the_cli_replays_a_served_seed_as_its_file(site: str, recorded_cache: Path) -> None:
    replay = ["--cache-dir", str(recorded_cache), "--cache-mode", "replay", "--provider", "local", "--format", "json"]
    served, brief = together(  # the CLI's process and the library's replay in this one, side by side
        lambda: cli(f"{site}/seed.txt", *replay),
        lambda: summarize(SEED, cache_dir=recorded_cache, cache_mode="replay", provider="local"),
    )
    assert served.returncode == 0, served.stderr
    from_url = json.loads(served.stdout)
    from_file = brief.model_dump(mode="json")
    assert from_url["provenance"]["source"] == f"{site}/seed.txt"
    assert from_url["provenance"]["content_sha256"] == from_file["provenance"]["content_sha256"]
    for name in ("summaries", "meeting", "chairs", "targets", "directives", "grounding", "warnings"):
        assert from_url[name] == from_file[name], name
    assert from_url["chairs"] and from_url["directives"]  # a brief with content, not two empty ones


def test_the_cli_fails_clearly_past_the_redirect_bound(site: str, recorded_cache: Path) -> None:
    failed = cli(f"{site}/long/6", "--cache-dir", str(recorded_cache), "--cache-mode", "replay")
    assert failed.returncode == 2 and failed.stdout == ""
    assert "more than 5 redirects" in failed.stderr and "give the page's final address" in failed.stderr
