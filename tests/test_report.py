"""`--format html`: the brief beside the article, spans highlighted and linked, all text escaped.

The browser checks run the real Chromium from Debian's packages, headless; `.ci/run` installs it
and sets SUMMARIZER_REQUIRE_BROWSER=1 so that a missing browser fails there instead of skipping.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer import Brief, summarize
from summarizer.cache import ResponseCache
from summarizer.cli import cli
from summarizer.client import ModelClient
from summarizer.render import render_html
from tests.conftest import seed
from tests.fakes import FakeProvider

CHROMIUM = shutil.which("chromium")
HOSTILE_ARTICLE = (
    "Le 3 mars 2024, le comité du district de Hoa Binh a tenu une conférence présidée par Tran Van Minh.\n"
    "<script>document.title = 'pwned-by-article'</script> <img src=x onerror=\"document.title='pwned'\">\n"
    "Le district a atteint 3/34 objectifs & plus."
)
NOISY_ARTICLE = (
    "Riverside district reviews its mid-term targets\n\n"
    "photo_123.jpg\n\n"
    "On 3 March 2024 the district committee of Riverside held its mid-term review conference, chaired by Anna Berg, "
    "chairwoman of the district committee. The district met 12/15 of its targets for the period.\n\n"
    "Comments (3)\n\n"
    "Anna Berg asked every commune to finish the new water network before the rainy season.\n\n"
    "Related articles\n"
    "Riverside opens a new bridge\n\n"
    "Harvest festival draws crowds\n"
)
NOISE = ("photo_123.jpg", "Comments (3)", "Related articles", "Riverside opens a new bridge", "Harvest festival")
NOISY_ANSWERS = {
    "SummaryDraft": {"headline": "Riverside reviews its targets", "summary": "The district met 12 of 15 targets."},
    "SentenceChairsDraft": {"whole_meeting": True, "chairs": [{"name": "Anna Berg", "role": "chairwoman"}]},
    # directive_pick (every sentence sets a task), then directive_what (each said in English)
    "Sentences": lambda prompt: {
        f"s{n}": True if "answer true" in prompt else "Finish the water network"
        for n in re.findall(r"^s(\d+): ", prompt, re.MULTILINE)
    },
}
EVIL = "<img src=x onerror=\"document.title='pwned-by-model'\"><script>document.title='pwned-by-model'</script>"


def browser() -> str:
    if CHROMIUM is None:
        if os.environ.get("SUMMARIZER_REQUIRE_BROWSER"):
            pytest.fail("chromium is required here (apt-get install chromium)")
        pytest.skip("chromium is not installed")
    return CHROMIUM


def chromium(page: Path, *args: str) -> str:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]
    flags += ["--disable-background-networking", "--disable-component-update", "--disable-sync"]
    flags += [f"--user-data-dir={page.parent / 'chromium-profile'}"]
    result = subprocess.run([browser(), *flags, *args, page.as_uri()], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def hostile_brief(tmp_path: Path) -> str:
    answers = {"SummaryDraft": {"headline": EVIL, "summary": EVIL}}
    client = ModelClient(FakeProvider(answers), ResponseCache(tmp_path / "c", "off"))
    brief = summarize(HOSTILE_ARTICLE, client=client)
    return render_html(brief, HOSTILE_ARTICLE)


def test_text_from_the_article_and_the_model_is_escaped(tmp_path: Path) -> None:
    page = hostile_brief(tmp_path)
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;document.title = &#39;pwned-by-article&#39;" in page
    assert "3/34 objectifs &amp; plus" in page


def test_seed_report_links_every_grounded_item_to_its_span(recorded_cache: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    args = [str(seed("003")), "--format", "html", "-o", str(out), "--cache-dir", str(recorded_cache)]
    result = CliRunner().invoke(cli, [*args, "--cache-mode", "replay"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    brief = summarize(seed("003"), cache_dir=recorded_cache, cache_mode="replay", provider="local")
    items = [*brief.chairs, *brief.targets, *brief.directives]
    grounded = [str(n) for n, item in enumerate(items, 1) if item.evidence.start is not None]
    marks = re.findall(r"<mark id='ev-(\d+)'[^>]*><a href='#item-(\d+)'>([^<]*)</a></mark>", page)
    # Marks come in the article's order, items in the brief's: each grounded item has its one mark.
    assert len(grounded) >= 5 and all(m[0] == m[1] for m in marks)
    assert sorted(m[0] for m in marks) == sorted(grounded)
    first_target = str(len(brief.chairs) + 1)
    assert next(m[2] for m in marks if m[0] == first_target) == "В районі перевиконано 4/34 цілі"
    for number, _, _ in marks:
        assert f"<a href='#ev-{number}'>" in page and f"id='item-{number}'" in page


def test_chromium_renders_the_report_and_runs_nothing_from_the_article(recorded_cache: Path, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.html"
    hostile.write_text(hostile_brief(tmp_path), encoding="utf-8")
    dom = chromium(hostile, "--dump-dom")
    title = re.search(r"<title>(.*?)</title>", dom, re.S)
    assert title is not None and title.group(1).startswith("&lt;img src=x")  # the text itself; no script set it
    assert "<script" not in dom and "<img" not in dom and "&lt;script&gt;" in dom

    report = tmp_path / "seed.html"
    args = [str(seed("003")), "--format", "html", "-o", str(report), "--cache-dir", str(recorded_cache)]
    assert CliRunner().invoke(cli, [*args, "--cache-mode", "replay"]).exit_code == 0
    dom = chromium(report, "--dump-dom")
    assert dom.count("<mark id=") == report.read_text(encoding="utf-8").count("<mark id=") >= 5
    assert "В районі перевиконано 4/34 цілі" in dom
    shot = tmp_path / "seed.png"
    chromium(report, f"--screenshot={shot}", "--window-size=1400,1400")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", data[16:24]) == (1400, 1400)
    assert len(data) > 50_000  # a rendered page of text, not a blank image


def test_to_html_refuses_another_article_and_notebooks_get_a_fragment(recorded_cache: Path) -> None:
    from summarizer.errors import InputError

    brief = summarize(seed("004"), cache_dir=recorded_cache, cache_mode="replay", provider="local")
    text = seed("004").read_text(encoding="utf-8")
    page = brief.to_html(text)
    assert '<meta name="viewport"' in page and "<dt>Source</dt>" in page and "<dt>Grounding</dt>" in page
    assert "class='badge exact'" in page and "<dt>Model</dt><dd>qwen2.5" in page
    with pytest.raises(InputError, match="not the article the brief was made from"):
        brief.to_html(text + " ")
    fragment = brief._repr_html_()
    assert fragment.startswith('<div class="summarizer-brief">') and "<html" not in fragment
    assert brief.summaries[0].headline.replace("'", "&#39;") in fragment and "<mark" not in fragment


def noisy_brief(tmp_path: Path) -> Brief:
    client = ModelClient(FakeProvider(NOISY_ANSWERS), ResponseCache(tmp_path / "c", "off"))
    return summarize(NOISY_ARTICLE, client=client)


def article_column(page: str) -> tuple[str, list[str]]:
    """The article column's text outside the folded furniture, and each fold's text (markup removed)."""
    column = page.split("<section class='article'>", 1)[1].split("</section>", 1)[0]
    folds = re.findall(r"<details class='furniture'><summary>[^<]*</summary>(.*?)</details>", column, re.S)
    shown = re.sub(r"<details class='furniture'>.*?</details>", "", column, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", shown)), [html.unescape(fold) for fold in folds]


def test_scraping_noise_is_folded_away_and_highlights_stay_on_their_quotes(tmp_path: Path) -> None:
    brief = noisy_brief(tmp_path)
    page = brief.to_html(NOISY_ARTICLE)
    shown, folds = article_column(page)
    assert folds == [
        "photo_123.jpg\n",
        "Comments (3)\n",
        "Related articles\nRiverside opens a new bridge\n\nHarvest festival draws crowds\n",
    ]
    assert not any(noise in shown for noise in NOISE)
    assert "chaired by Anna Berg" in shown and "before the rainy season." in shown
    assert page.count("not read by the model</summary>") == 3 and "<details class='furniture' open" not in page
    items = [*brief.chairs, *brief.targets, *brief.directives]
    assert len(items) == 3 and all(item.evidence.match == "exact" for item in items)
    marks = dict(re.findall(r"<mark id='ev-(\d+)'[^>]*><a href='#item-\d+'>([^<]*)</a></mark>", page))
    for number, item in enumerate(items, 1):  # offsets into the whole text, noise and all
        evidence = item.evidence
        assert evidence.start is not None and evidence.end is not None
        assert html.unescape(marks[str(number)]) == NOISY_ARTICLE[evidence.start : evidence.end] == evidence.quote


def test_furniture_that_holds_evidence_is_shown_as_text(tmp_path: Path) -> None:
    brief = noisy_brief(tmp_path)
    chair = brief.chairs[0].evidence
    assert chair.start is not None and chair.end is not None
    page = render_html(brief, NOISY_ARTICLE, furniture=[(0, 10), (chair.start - 5, chair.end + 5)])
    shown, folds = article_column(page)
    assert folds == [NOISY_ARTICLE[:10]] and chair.quote in shown  # the other range holds the quote: not folded
    assert f"<mark id='ev-1'><a href='#item-1'>{chair.quote}</a></mark>" in page


def test_chromium_folds_the_furniture_at_desktop_and_phone_widths(tmp_path: Path) -> None:
    report = tmp_path / "noisy.html"
    report.write_text(noisy_brief(tmp_path).to_html(NOISY_ARTICLE), encoding="utf-8")
    dom = chromium(report, "--dump-dom")
    assert dom.count('<details class="furniture">') == 3 and dom.count("<mark id=") == 3
    for width in (1280, 420):
        shot = tmp_path / f"noisy-{width}.png"
        chromium(report, f"--screenshot={shot}", f"--window-size={width},1700")
        data = shot.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", data[16:24]) == (width, 1700)
