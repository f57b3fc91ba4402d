"""Outputs that cannot be written (issue 14): a missing folder, a read-only filesystem, a full disk.

Real tmpfs mounts (read-only, or filled to the last byte; root only, skipped elsewhere), /dev/full,
and the CLI in its own process against a server on 127.0.0.1: one line saying why, exit code 3, no
traceback, and for ``-o`` the destination checked before the model is asked anything.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO
from tests.mounts import fill, remount, tmpfs
from tests.servers import FROM_SCHEMA, Action, ScriptedServer, scripted_server
from tests.test_batch import make_articles
from tests.together import together

ARTICLE = (
    "Le 3 mars 2024, le comité du district de Hoa Binh a tenu une conférence.\nLe district a atteint 3/34 objectifs."
)


def summarize(server: ScriptedServer, *args: str, stdout: int | None = None) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-m",
        "summarizer",
        *args,
        "--base-url",
        server.url,
        "--model",
        "m",
        "--cache-mode",
        "off",
    ]
    if stdout is None:
        return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=REPO)
    return subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=120, cwd=REPO)


def article(tmp_path: Path) -> str:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return str(path)


def assert_one_line_reason(result: subprocess.CompletedProcess[str], reason: str) -> None:
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr and reason in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_output_into_a_missing_folder_is_refused_before_the_model(tmp_path: Path) -> None:
    with scripted_server([Action(content=FROM_SCHEMA)]) as server:
        result = summarize(server, article(tmp_path), "-o", str(tmp_path / "missing" / "brief.md"))
    assert_one_line_reason(result, "the folder")
    assert server.requests == []


def test_output_on_a_read_only_filesystem_is_refused_before_the_model(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "ro") as mount, scripted_server([Action(content=FROM_SCHEMA)]) as server:
        remount(mount, "ro")
        result = summarize(server, article(tmp_path), "-o", str(mount / "brief.md"))
    assert_one_line_reason(result, "read-only filesystem")
    assert server.requests == []


def test_a_full_disk_keeps_the_old_brief_whole(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "full", size="256k") as mount, scripted_server([Action(content=FROM_SCHEMA)]) as server:
        old = mount / "brief.json"
        old.write_text('{"old": true}\n', encoding="utf-8")
        fill(mount)
        result = summarize(server, article(tmp_path), "--format", "json", "-o", str(old))
        assert_one_line_reason(result, "the disk is full")
        assert json.loads(old.read_text(encoding="utf-8")) == {"old": True}  # not cut, not emptied
        assert sorted(p.name for p in mount.iterdir()) == ["brief.json", "filler"]  # no temporary file left


def test_dev_full_as_output_or_as_stdout_says_the_disk_is_full(tmp_path: Path) -> None:
    with scripted_server([Action(content=FROM_SCHEMA)]) as server, open("/dev/full", "w") as full:
        to_file, to_stdout = together(  # two independent processes: side by side
            lambda: summarize(server, article(tmp_path), "-o", "/dev/full"),
            lambda: summarize(server, article(tmp_path), stdout=full.fileno()),
        )
    assert_one_line_reason(to_file, "the disk is full")
    assert_one_line_reason(to_stdout, "the disk is full")


def test_a_batch_on_a_read_only_filesystem_is_refused_before_the_model(tmp_path: Path) -> None:
    make_articles(tmp_path / "in", 2)
    with tmpfs(tmp_path / "ro") as mount, scripted_server([Action(content=FROM_SCHEMA)]) as server:
        remount(mount, "ro")
        results, markdown = together(  # two independent refusals: side by side
            lambda: summarize(server, "batch", str(tmp_path / "in"), "-o", str(mount / "results.jsonl")),
            lambda: summarize(
                server,
                "batch",
                str(tmp_path / "in"),
                "-o",
                str(tmp_path / "r.jsonl"),
                "--markdown-dir",
                str(mount / "md"),
            ),
        )
    assert_one_line_reason(results, "read-only filesystem")
    assert_one_line_reason(markdown, "read-only filesystem")
    assert server.requests == []


def test_a_batch_that_fills_the_disk_stops_with_whole_lines_and_resumes_exactly(tmp_path: Path) -> None:
    paths = make_articles(tmp_path / "in", 24)  # about 1 kB a line: the 12 kB disk fills mid-run
    with tmpfs(tmp_path / "small", size="12k") as mount, scripted_server([Action(content=FROM_SCHEMA)]) as server:
        out = mount / "results.jsonl"
        full = summarize(server, "batch", str(tmp_path / "in"), "-o", str(out), "--jobs", "2")
        assert_one_line_reason(full, "the disk is full")
        assert "run the same command" in full.stderr
        written = out.read_bytes()
        assert written.endswith(b"\n") or not written  # whole lines only
        remount(mount, "size=4m")
        resumed = summarize(server, "batch", str(tmp_path / "in"), "-o", str(out), "--jobs", "2")
        assert resumed.returncode == 0, resumed.stderr
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["input"] for r in records) == sorted(str(p) for p in paths)


def test_one_rule_for_missing_folders_a_batch_refuses_them_like_a_single_brief(tmp_path: Path) -> None:
    make_articles(tmp_path / "in", 1)
    with scripted_server([Action(content=FROM_SCHEMA)]) as server:
        results, pages = together(  # two independent refusals: side by side
            lambda: summarize(
                server, "batch", str(tmp_path / "in"), "-o", str(tmp_path / "missing" / "dir" / "r.jsonl")
            ),
            lambda: summarize(
                server,
                "batch",
                str(tmp_path / "in"),
                "-o",
                str(tmp_path / "r.jsonl"),
                "--html-dir",
                str(tmp_path / "a" / "b"),
            ),
        )
    assert_one_line_reason(results, "does not exist")
    assert_one_line_reason(pages, "does not exist")
    assert not (tmp_path / "missing").exists() and not (tmp_path / "a").exists()
    assert server.requests == []


def test_html_pages_on_a_read_only_filesystem_are_refused_before_the_model(tmp_path: Path) -> None:
    make_articles(tmp_path / "in", 2)
    with tmpfs(tmp_path / "ro") as mount, scripted_server([Action(content=FROM_SCHEMA)]) as server:
        remount(mount, "ro")
        pages = summarize(
            server, "batch", str(tmp_path / "in"), "-o", str(tmp_path / "r.jsonl"), "--html-dir", str(mount / "html")
        )
    assert_one_line_reason(pages, "read-only filesystem")
    assert server.requests == []


def test_html_pages_on_a_full_disk_stop_with_exit_3_and_leave_no_cut_page(tmp_path: Path) -> None:
    make_articles(tmp_path / "in", 2)
    with tmpfs(tmp_path / "full", size="256k") as mount, scripted_server([Action(content=FROM_SCHEMA)]) as server:
        html = mount / "html"
        html.mkdir()
        (html / "index.html").write_text("<p>the old index</p>", encoding="utf-8")
        fill(mount)
        pages = summarize(
            server, "batch", str(tmp_path / "in"), "-o", str(tmp_path / "r.jsonl"), "--html-dir", str(html)
        )
        assert_one_line_reason(pages, "the disk is full")
        assert (html / "index.html").read_text(encoding="utf-8") == "<p>the old index</p>"
        assert [p.name for p in html.iterdir() if p.stat().st_size == 0 or p.name.startswith(".")] == []
    assert len((tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()) == 2  # the results are whole
