"""The bounded parse worker: files are parsed in a child process whose limits end a hostile
file with a reason, and the next file still parses (issue 12). Hostile files are generated
here, small, with small limits so that each limit is hit in about a second."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from hostile_files import (
    html_charrefs,
    pdf_flate_bomb,
    pdf_text_operators,
    random_bytes,
    text_one_paragraph,
)
from pocketrag.config import load_settings
from pocketrag.documents import LoaderError
from pocketrag.embedding import prepare
from pocketrag.parse_worker import ParseLimits, ParseWorker

POLICY = (
    "# Leave\n\nStaff receive twenty-five days of annual leave.\n\n## Carry-over\n\nFive days.\n"
)


def worker(**overrides: object) -> ParseWorker:
    settings = load_settings(**overrides)
    return ParseWorker(ParseLimits.from_settings(settings, prepare(settings).tokenizer_path))


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "leave.md"
    path.write_text(POLICY)
    return path


def slow_html(path: Path) -> Path:
    """CPython < 3.11.13's HTMLParser is quadratic on unclosed attribute quotes: 140 KB
    takes ~30 s of CPU (the worker's limits are the guard, see docs/CONFIGURATION.md)."""
    path.write_text("<html><body><p>Start</p>" + '<a b="' * 20_000)
    return path


def test_parses_in_a_reused_child_process(good: Path) -> None:
    parser = worker()
    try:
        document, chunks = parser.parse(good)
        pid = parser._proc.pid
        again, _ = parser.parse(good)
        assert parser._proc.pid == pid != os.getpid()  # one long-lived child
    finally:
        parser.close()
    assert document.title == again.title == "Leave"
    assert document.blocks == []  # the text travels once, in the chunks
    assert [c.heading_path for c in chunks] == [("Leave",), ("Leave", "Carry-over")]
    assert "twenty-five days" in chunks[0].text


def test_wall_time_limit_kills_and_the_next_file_gets_a_fresh_worker(
    tmp_path: Path, good: Path
) -> None:
    parser = worker(parse_timeout_s=1.5)
    try:
        with pytest.raises(LoaderError, match="POCKETRAG_PARSE_TIMEOUT_S"):
            parser.parse(slow_html(tmp_path / "slow.html"))
        assert parser._proc is None  # killed and reaped
        _, chunks = parser.parse(good)
        assert chunks
    finally:
        parser.close()


def test_cpu_time_limit(tmp_path: Path, good: Path) -> None:
    parser = worker(parse_cpu_seconds=1, parse_timeout_s=120)
    try:
        parser.parse(good)  # the CPU limit is per file: startup and this file do not count
        with pytest.raises(LoaderError, match="POCKETRAG_PARSE_CPU_SECONDS"):
            parser.parse(slow_html(tmp_path / "slow.html"))
        assert parser.parse(good)[1]
    finally:
        parser.close()


@pytest.mark.parametrize("make", [pdf_flate_bomb, pdf_text_operators])
def test_memory_limit_ends_a_pdf_bomb_with_a_reason(tmp_path: Path, good: Path, make) -> None:
    bomb = make(tmp_path / "bomb.pdf", scale=0.15)  # 150 MB of stream / 750k operators
    assert bomb.stat().st_size < 1024 * 1024
    parser = worker(parse_memory_mb=128)
    try:
        with pytest.raises(LoaderError, match="POCKETRAG_PARSE_MEMORY_MB"):
            parser.parse(bomb)
        assert parser.parse(good)[1]
    finally:
        parser.close()


def test_output_limits_blocks_and_chunks(tmp_path: Path) -> None:
    many = tmp_path / "many.txt"
    many.write_text("\n\n".join(f"Paragraph {i} says something new." for i in range(50)))
    parser = worker(parse_max_blocks=20)
    try:
        with pytest.raises(LoaderError, match=r"50 blocks.*POCKETRAG_PARSE_MAX_BLOCKS"):
            parser.parse(many)
    finally:
        parser.close()
    parser = worker(parse_max_chunks=50)
    try:  # 400 KB of "&#" in HTML once made 20,513 chunks at 4 MB
        with pytest.raises(LoaderError, match=r"more than 50 chunks.*POCKETRAG_PARSE_MAX_CHUNKS"):
            parser.parse(html_charrefs(tmp_path / "refs.html", scale=0.1))
    finally:
        parser.close()


def test_19_mb_one_paragraph_text_fails_on_the_text_bound(tmp_path: Path) -> None:
    parser = worker()
    try:
        with pytest.raises(LoaderError, match="POCKETRAG_MAX_TEXT_CHARS"):
            parser.parse(text_one_paragraph(tmp_path / "one.txt"))
    finally:
        parser.close()


@pytest.mark.slow
def test_ingest_never_loads_a_parser_in_its_own_process(tmp_path: Path, good: Path) -> None:
    """The parent (CLI ingest, or the server's job thread) embeds and stores; the parsing
    libraries are imported only in the worker."""
    script = textwrap.dedent(
        f"""
        import sys
        from pocketrag.config import load_settings
        from pocketrag.pipeline import Pipeline
        with Pipeline(load_settings(data_dir={str(tmp_path / "data")!r})) as pipeline:
            report = pipeline.ingest_paths([{str(good)!r}])
            assert report.ok, report.files
        loaded = [m for m in ("pypdfium2", "docx", "yaml", "pocketrag.loaders") if m in sys.modules]
        print("loaded:", loaded)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=True
    )
    assert "loaded: []" in out.stdout, out.stdout + out.stderr


def test_ingest_parses_ahead_and_keeps_order_through_failures(tmp_path: Path) -> None:
    """The worker parses the next file while the current one is embedded; results stay in
    discovery order, and a worker killed by one file does not cost the next one."""
    from pocketrag.pipeline import Pipeline

    docs = tmp_path / "docs"
    docs.mkdir()
    for name, topic in (("a.md", "bicycles"), ("d.md", "parking"), ("f.md", "lockers")):
        (docs / name).write_text(f"# {topic.title()}\n\nThe policy on {topic} is simple.\n")
    random_bytes(docs / "b.md")
    pdf_flate_bomb(docs / "c.pdf", scale=0.15)
    (docs / "e.jsonl").write_text("{}\n")
    settings = load_settings(data_dir=tmp_path / "data", parse_memory_mb=128)
    with Pipeline(settings) as pipeline:
        seen: list[tuple[int, str]] = []
        report = pipeline.ingest_paths([docs], on_progress=lambda d, t, r: seen.append((d, r.path)))
        again = pipeline.ingest_paths([docs])
        hits = pipeline.search("lockers policy", k=1, mode="bm25")
    names = [Path(f.path).name for f in report.files]
    assert names == ["a.md", "b.md", "c.pdf", "d.md", "e.jsonl", "f.md"]
    assert [d for d, _ in seen] == [1, 2, 3, 4, 5, 6]
    assert [f.status for f in report.files] == [
        "added",
        "failed",
        "failed",
        "added",
        "skipped",
        "added",
    ]
    assert "binary file" in report.files[1].reason
    assert "POCKETRAG_PARSE_MEMORY_MB" in report.files[2].reason
    assert [f.status for f in again.files] == [
        "unchanged",
        "failed",
        "failed",
        "unchanged",
        "skipped",
        "unchanged",
    ]
    assert Path(hits[0].source).name == "f.md"


def test_a_reply_waiting_past_the_deadline_is_read(tmp_path: Path) -> None:
    """The ingest embeds one file while the worker parses the next: the parent may come to
    a finished reply long after the file's deadline (HAProxy's configuration manual took
    150 s to embed under load, and the short page parsed ahead of it, in 0.2 s, was
    reported as "parsing took longer than 120 s"). A reply larger than the pipe's buffer
    waits in the middle of its frame."""
    small = tmp_path / "leave.md"
    small.write_text(POLICY)
    large = tmp_path / "rules.md"
    large.write_text(
        "# Rules\n\n" + "".join(f"Rule {n}: wear boots on site.\n\n" for n in range(5000))
    )
    parser = worker(parse_timeout_s=1.0)
    try:
        for path in (small, large):
            parser.submit(path)
            time.sleep(2.5)  # the parent embeds the previous file meanwhile
            document, chunks = parser.collect()
            assert chunks
        assert document.title == "Rules"
    finally:
        parser.close()
