"""OCR's ONNX sessions (loaders/ocr_session.py): the engine pocketrag builds runs the same
models as rapidocr's own sessions and must read exactly what they read; only how ONNX
Runtime allocates its working memory differs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from pocketrag.config import load_settings
from pocketrag.loaders.ocr import crop_line, engine_settings, load_engine, pad
from pocketrag.loaders.ocr_session import ShrinkingSession
from pocketrag.settings_views import LoaderLimits

from .test_ocr import PARAGRAPH, ocr, scan_image  # noqa: F401 (ocr: a fixture, used by name)


def text_band(tmp_path: Path) -> np.ndarray:
    """A 128-row band of a generated 120-DPI scan holding its first lines, in colour (BGR),
    as the detector gets it."""
    grey = np.asarray(scan_image(tmp_path, PARAGRAPH, dpi=120))
    first_ink = int(np.argmax((grey < 128).any(axis=1)))
    band = grey[max(0, first_ink - 16) : max(0, first_ink - 16) + 128]
    return np.ascontiguousarray(np.repeat(band[:, :, None], 3, axis=2))


@pytest.mark.slow
@pytest.mark.usefixtures("ocr")
def test_engine_reads_exactly_what_rapidocrs_own_sessions_read(tmp_path: Path) -> None:
    from rapidocr_onnxruntime.ch_ppocr_det import TextDetector
    from rapidocr_onnxruntime.ch_ppocr_rec import TextRecognizer

    limits = LoaderLimits.from_settings(load_settings(data_dir=tmp_path / "data"))
    engine = load_engine(limits)
    assert isinstance(engine.detector.infer.session, ShrinkingSession)
    assert isinstance(engine.recogniser.session.session, ShrinkingSession)
    # rapidocr's own sessions (memory pattern on, arena off), same models and settings
    detector_settings, recogniser_settings = engine_settings(limits)
    plain_detector = TextDetector(detector_settings)
    plain_recogniser = TextRecognizer(recogniser_settings)
    assert not isinstance(plain_detector.infer.session, ShrinkingSession)

    band = text_band(tmp_path)
    for _ in range(2):  # the first run at a shape differs inside ONNX Runtime; so twice
        boxes, _ = engine.detector(band)
        plain_boxes, _ = plain_detector(band)
        assert boxes is not None and len(boxes) >= 2
        np.testing.assert_array_equal(np.asarray(boxes), np.asarray(plain_boxes))
    grey = np.ascontiguousarray(band[:, :, 0])
    texts = []
    for box in boxes:
        line = [crop_line(grey, pad(np.asarray(box, dtype=np.float32)))]
        [(text, score, *_)], _ = engine.recogniser(line)
        [(plain_text, plain_score, *_)], _ = plain_recogniser(line)
        assert (text, float(score)) == (plain_text, float(plain_score))
        texts.append(text)
    assert "work from home" in " ".join(texts)  # it did read the scan
