"""A question about one row of a PDF data table, end to end through Pipeline.ask
(extractive): answered, quoting the row with its header (loaders/pdf_tables.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pocketrag.config import load_settings
from pocketrag.pipeline import Pipeline
from table_pdf import make_table_pdf

pytestmark = pytest.mark.slow


def test_a_pdf_table_row_is_quoted_with_its_header(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    make_table_pdf(docs / "warn-notices.pdf")
    with Pipeline(load_settings(data_dir=tmp_path / "data")) as pipeline:
        assert pipeline.ingest_paths([docs]).ok
        answer = pipeline.ask("How many employees did Fabrikam Motors lay off?", use_llm=False)
    assert not answer.refused
    text = answer.answer.rsplit("\n\n(", 1)[0]
    assert "Company: Fabrikam Motors" in text
    assert "Employees: 3000" in text
    assert answer.citations[0]["source"].endswith("warn-notices.pdf")
