"""OCR for PDF pages without a usable text layer (the optional `pocketrag[ocr]` extra).

rapidocr-onnxruntime runs PaddleOCR's detection and recognition models on the ONNX Runtime
pocketrag already ships; the models are inside its wheel, so OCR works offline.

Memory is the constraint (ingest budget 250 MB). The text detector's activations grow with
the pixels it sees (~350 bytes per pixel measured: a whole 150-DPI letter page costs
+600 MB), so detection runs on a low-resolution copy of the page (DETECT_DPI), in horizontal
bands of bounded size. Bands overlap by more than a line's height and a box is kept only by
the band whose core holds its centre, so every line is seen whole exactly once. Recognition
reads each line from the page rendered at `ocr_dpi` (200 by default: at 150 the recogniser
drops spaces between English words), one line at a time (batches of 6 long lines cost
+260 MB and were slower).

glibc keeps the detector's freed multi-megabyte buffers on a fragmenting heap (RSS grew by
60 MB over the bands of one page), so the heap is trimmed after every detection band and
recognised line: peak 301 -> 240 MB on a 200-DPI letter page, for ~5% more CPU. (A fixed
128 KB mmap threshold reached 212 MB but cost 75% more CPU.) The page is held in grey, and
only the detector and the recogniser are loaded (not rapidocr's angle classifier), and the
parse worker that reads scans leaves prometheus_client out: the worker peaks at 191-230 MB
while it reads a scan, depending on how the page cache holds the shared libraries
(docs/BENCHMARKS.md, "OCR"; 202-254 MB before).

Time is bounded too: the budget is checked between bands and between lines (ONNX
Runtime cannot be interrupted mid-run), and a page or file over budget fails the file with
an error naming the bound, like every other bound (DESIGN.md decision 6).

Pages are read one at a time; the caller (loaders/pdf.py) decides nothing but "does this
page need OCR" and passes the text on like a text layer's.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from importlib import metadata
from typing import TYPE_CHECKING, Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pocketrag.documents import LoaderError
from pocketrag.heap import trim_memory
from pocketrag.loaders._common import bound_error
from pocketrag.loaders.ocr_session import replace_session

if TYPE_CHECKING:  # the parse worker imports NumPy only when it reads a scan
    import numpy as np

    from pocketrag.settings_views import LoaderLimits

INSTALL_HINT = "pip install 'pocketrag[ocr]'"
# A page with less text than this (after clean-up) and images over half of it is a scan.
MIN_TEXT_CHARS = 16
MIN_IMAGE_COVERAGE = 0.5
# The page image (3 bytes per pixel) stays under 18 MB, whatever the page size.
MAX_PAGE_PIXELS = 6_000_000
# Detection resolution: 120 DPI finds body text and keeps a letter page ~1000 px wide; the
# detector itself resizes anything wider than 2000 px.
DETECT_DPI = 120
MAX_DETECT_WIDTH = 2000
# Pixels per detection band: ~100k kept the detector at +55-65 MB (measured; 160k: +90 MB).
BAND_PIXELS = 96 * 1024
MIN_BAND_PX = 128
# Line boxes are grown by this share of their height before recognition (see pad()).
CROP_PAD = 0.1
# Recognised text below this confidence is dropped (rapidocr's own default).
MIN_SCORE = 0.5


def _engine_version() -> str:
    try:
        return metadata.version("rapidocr-onnxruntime")
    except metadata.PackageNotFoundError:
        return "unknown"


@dataclass
class Engine:
    """rapidocr's text detector and recogniser. Its RapidOCR class would also load the
    angle classifier, which pocketrag never runs (pages are read upright)."""

    detector: Any  # rapidocr_onnxruntime.ch_ppocr_det.TextDetector
    recogniser: Any  # rapidocr_onnxruntime.ch_ppocr_rec.TextRecognizer


def load_engine(limits: LoaderLimits) -> Engine:
    """The OCR engine, or LoaderError saying how to install it. Imported late: the extra is
    optional, and OpenCV alone adds 15-35 MB (by page-cache state) to a process that never
    needs it."""
    allow_ocr_memory()
    try:
        from rapidocr_onnxruntime.ch_ppocr_det import TextDetector
        from rapidocr_onnxruntime.ch_ppocr_rec import TextRecognizer
    except ImportError as exc:
        if "libGL" in str(exc) or "libgthread" in str(exc):
            raise LoaderError(
                f"OCR is installed but OpenCV cannot load ({exc}); use the headless build: "
                "pip uninstall -y opencv-python && pip install opencv-python-headless"
            ) from exc
        raise LoaderError(f"OCR is not installed; {INSTALL_HINT}") from exc
    detector, recogniser = engine_settings(limits)
    engine = Engine(TextDetector(detector), TextRecognizer(recogniser))
    # sessions that keep no memory between runs (loaders/ocr_session.py)
    replace_session(engine.detector, detector["model_path"], limits.ort_threads)
    replace_session(engine.recogniser, recogniser["model_path"], limits.ort_threads)
    # Building the sessions (graph optimisation, weight prepacking) frees ~14 MB that glibc
    # would keep under the first detection band, the worker's peak.
    trim_memory()
    return engine


def engine_settings(limits: LoaderLimits) -> tuple[dict[str, Any], dict[str, Any]]:
    """rapidocr's settings for its detector and its recogniser, as pocketrag runs them."""
    from rapidocr_onnxruntime.main import DEFAULT_CFG_PATH
    from rapidocr_onnxruntime.utils import read_yaml, update_model_path

    config = update_model_path(read_yaml(DEFAULT_CFG_PATH))
    threads = {"intra_op_num_threads": limits.ort_threads, "inter_op_num_threads": 1}
    # The detector sees bands no wider than MAX_DETECT_WIDTH: never upscale them ("min"
    # would blow a 128-px band up to 736 px).
    detector = {**config["Det"], **threads, "limit_type": "max"}
    detector["limit_side_len"] = MAX_DETECT_WIDTH
    recogniser = {**config["Rec"], **threads, "rec_batch_num": 1}
    return detector, recogniser


def allow_ocr_memory() -> None:
    """In the parse worker, lift the soft address-space limit to the hard one it set for OCR
    (parse_worker.OCR_ADDRESS_SPACE_MB); elsewhere there is no limit and this changes nothing."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft != hard:
        resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


def ocr_available() -> bool:
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def image_coverage(page: pdfium.PdfPage) -> float:
    """Share of the page covered by images (their bounding boxes, summed). A scan is one
    page-sized image, or tiles of one; a logo or a photo beside text covers far less."""
    width, height = page.get_size()
    covered = 0.0
    for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        left, bottom, right, top = image.get_bounds()
        covered += max(0.0, min(right, width) - max(left, 0.0)) * max(
            0.0, min(top, height) - max(bottom, 0.0)
        )
    return covered / max(width * height, 1.0)


def render_scale(width_pt: float, height_pt: float, dpi: int) -> float:
    """Pixels per point: `dpi`, lowered so the page fits in MAX_PAGE_PIXELS."""
    return min(dpi / 72, (MAX_PAGE_PIXELS / max(width_pt * height_pt, 1.0)) ** 0.5)


def bands(height: int, width: int, overlap: int) -> list[tuple[int, int, int, int]]:
    """(top, bottom, core_top, core_bottom) of each detection band. Cores tile the page
    without gaps; a band reaches at least `overlap // 2` past its core on each side, so a line
    no taller than `overlap` whose centre is in the core lies whole inside the band.

    Every band is a multiple of 32 pixels tall (the first and last reach further into the page
    for it): the detector resizes its input to multiples of 32, and a 144-pixel band squashed
    to 128 lost whole lines of a generated scan (CER 0.043-0.050 vs 0.006-0.008)."""
    band = max(MIN_BAND_PX, 2 * overlap + 32, BAND_PIXELS // max(width, 1) // 32 * 32)
    band = -(-band // 32) * 32
    step = band - overlap
    out = []
    core_top = 0
    while core_top < height:
        core_bottom = min(height, core_top + step)
        top = max(0, min(core_top - overlap // 2, height - band))
        bottom = min(height, max(core_bottom + overlap - overlap // 2, band))
        if bottom == height:  # this band reaches the foot of the page: the rest is its core
            core_bottom = height
        out.append((top, bottom, core_top, core_bottom))
        core_top = core_bottom
    return out


def pad(box: np.ndarray, share: float = CROP_PAD) -> np.ndarray:
    """The box grown by `share` of its height on every side. The detector's boxes can hug
    the glyphs; the recogniser then loses the spaces between words (measured on a generated
    scan: a whole line read as one word unpadded, right at 0.1-0.2, errors again at 0.3)."""
    import numpy as np

    height = float(box[:, 1].max() - box[:, 1].min())
    centre = box.mean(axis=0)
    direction = np.sign(box - centre)
    return box + direction * np.float32(share * height)


def crop_line(image: np.ndarray, box: np.ndarray) -> np.ndarray:
    """The line inside `box` (4 corners, clockwise from top left), straightened, in colour.
    As rapidocr's RapidOCR.get_crop_img_list, which is a method of a class pocketrag does
    not build (it would load the unused angle classifier)."""
    import cv2
    import numpy as np

    width = int(max(np.linalg.norm(box[0] - box[1]), np.linalg.norm(box[2] - box[3])))
    height = int(max(np.linalg.norm(box[0] - box[3]), np.linalg.norm(box[1] - box[2])))
    target = np.float32([[0, 0], [width, 0], [width, height], [0, height]])
    crop = cv2.warpPerspective(
        image,
        cv2.getPerspectiveTransform(box.astype(np.float32), target),
        (width, height),
        borderMode=cv2.BORDER_REPLICATE,
        flags=cv2.INTER_CUBIC,
    )
    if height >= 1.5 * width:  # a vertical line: read it turned, as rapidocr does
        crop = np.ascontiguousarray(np.rot90(crop))
    return cv2.cvtColor(crop, cv2.COLOR_GRAY2BGR)


def area(box: np.ndarray) -> float:
    (left, top), (right, bottom) = box.min(axis=0), box.max(axis=0)
    return float((right - left) * (bottom - top))


def iou(a: np.ndarray, b: np.ndarray) -> float:
    """Intersection over union of two boxes' bounding rectangles."""
    import numpy as np

    left, top = np.maximum(a.min(axis=0), b.min(axis=0))
    right, bottom = np.minimum(a.max(axis=0), b.max(axis=0))
    inter = max(0.0, float(right - left)) * max(0.0, float(bottom - top))
    return inter / max(area(a) + area(b) - inter, 1e-6)


def reading_order(boxes: list[np.ndarray]) -> list[list[int]]:
    """Box indices grouped into lines (top to bottom), each line left to right: a box joins
    a line when its vertical centre is within half a text height of the line's."""
    centres = [float(b[:, 1].mean()) for b in boxes]
    heights = [float(b[:, 1].max() - b[:, 1].min()) for b in boxes]
    lines: list[list[int]] = []
    line_centre = line_height = 0.0
    for i in sorted(range(len(boxes)), key=lambda k: centres[k]):
        if lines and abs(centres[i] - line_centre) < 0.5 * min(heights[i], line_height):
            lines[-1].append(i)
            continue
        lines.append([i])
        line_centre, line_height = centres[i], heights[i]
    return [sorted(line, key=lambda k: float(boxes[k][:, 0].min())) for line in lines]


@dataclass
class ScanReader:
    """OCR for one PDF file: decides which pages need it, reads them, keeps the budgets."""

    limits: LoaderLimits
    ocr_pages: list[int] = field(default_factory=list)  # 1-based pages read by OCR
    skipped: list[int] = field(default_factory=list)  # scanned pages left unread
    unavailable: str = ""  # why OCR could not run, when it could not
    _engine: Engine | None = None
    _file_started: float | None = None

    def wants(self, page: pdfium.PdfPage, lines: list[str], number: int) -> bool:
        """Whether page `number` (1-based) should be read by OCR. A scanned page that cannot
        be (OCR off or not installed) is remembered, so the result can say so."""
        mode = self.limits.ocr
        if mode != "force":
            if sum(len(line) for line in lines) >= MIN_TEXT_CHARS:
                return False
            if image_coverage(page) < MIN_IMAGE_COVERAGE:
                return False
            if mode == "off":
                self.skipped.append(number)
                return False
        if self._engine is None and not self.unavailable:
            try:
                self._engine = load_engine(self.limits)
            except LoaderError as exc:
                if mode == "force":
                    raise LoaderError(f"POCKETRAG_OCR=force, but {exc}") from exc
                self.unavailable = str(exc)
        if self.unavailable:
            self.skipped.append(number)
            return False
        return True

    def read(self, page: pdfium.PdfPage, number: int) -> str:
        """The page's text by OCR, one line of text per line on the page."""
        started = time.perf_counter()
        if self._file_started is None:
            self._file_started = started
        width_pt, height_pt = page.get_size()
        scale = render_scale(width_pt, height_pt, self.limits.ocr_dpi)
        # Grey: a third of a colour page's memory (3.7 MB for a letter page at 200 DPI);
        # only the detector's bands and the line crops are made colour, as the models expect.
        bitmap = page.render(scale=scale, grayscale=True)
        # PDFium decodes the page's images at full size to render it and frees them: 15-40 MB
        # of heap glibc keeps, under the first detection band, unless handed back now.
        trim_memory()
        try:
            image = bitmap.to_numpy()  # a view of the bitmap: no copy of the page
            boxes = self._detect(image, scale, started, number)
            texts = self._recognise(image, boxes, started, number)
        finally:
            bitmap.close()
        self.ocr_pages.append(number)
        lines = reading_order(boxes)
        joined = (" ".join(texts[i] for i in line if texts[i]) for line in lines)
        return "\n".join(text for text in joined if text)

    def _detect(
        self, image: np.ndarray, scale: float, started: float, number: int
    ) -> list[np.ndarray]:
        """Text boxes, in `image` pixels, found on a DETECT_DPI copy of it, band by band."""
        import cv2  # installed with rapidocr-onnxruntime
        import numpy as np

        height, width = image.shape[:2]
        factor = min(1.0, DETECT_DPI / 72 / scale, MAX_DETECT_WIDTH / width)
        small = cv2.resize(
            image,
            (max(1, round(width * factor)), max(1, round(height * factor))),
            interpolation=cv2.INTER_AREA,
        )
        # Overlap: the height of a line of 20-point type at the detection resolution, which
        # makes 128-pixel bands at 120 DPI (24-point made 160: +13 MB). A taller line cut by
        # a band's edge is kept once, below.
        overlap = max(32, round(20 * 1.4 * scale * factor))
        found: list[np.ndarray] = []
        previous: list[int] = []  # indices in `found` of the last band's boxes
        for top, bottom, core_top, core_bottom in bands(*small.shape[:2], overlap):
            self._check_time(started, number)
            boxes, _ = self._loaded().detector(cv2.cvtColor(small[top:bottom], cv2.COLOR_GRAY2BGR))
            trim_memory()
            current: list[int] = []
            for box in [] if boxes is None else boxes:
                box = np.asarray(box, dtype=np.float32) + np.float32([0, top])
                if not core_top <= float(box[:, 1].mean()) < core_bottom:
                    continue
                # A line taller than the overlap, cut by the last band's edge, can have been
                # kept there too (its cut box's centre fell in that band's core): keep the
                # bigger box of the two.
                twin = next((k for k in previous if iou(found[k], box / factor) > 0.3), None)
                if twin is None:
                    current.append(len(found))
                    found.append(box / np.float32(factor))
                elif area(box / factor) > area(found[twin]):
                    found[twin] = box / np.float32(factor)
            previous = current
        return found

    def _recognise(
        self, image: np.ndarray, boxes: list[np.ndarray], started: float, number: int
    ) -> list[str]:
        """Each box's text ("" below MIN_SCORE), one line at a time: the time budget is
        checked and the heap trimmed after every line (trimming per 12 lines peaked 30 MB
        higher)."""
        texts: list[str] = []
        for box in boxes:
            self._check_time(started, number)
            [(text, score, *_)], _ = self._loaded().recogniser([crop_line(image, pad(box))])
            trim_memory()
            texts.append(str(text) if float(score) >= MIN_SCORE else "")
        return texts

    def _loaded(self) -> Engine:
        if self._engine is None:
            raise RuntimeError("read() before wants() loaded the OCR engine")
        return self._engine

    def _check_time(self, page_started: float, number: int) -> None:
        now = time.perf_counter()
        page_limit, file_limit = self.limits.ocr_page_seconds, self.limits.ocr_file_seconds
        if now - page_started > page_limit:
            raise bound_error(
                f"OCR of page {number}",
                f"{now - page_started:.1f} s",
                f"{page_limit:g}-second",
                "ocr_page_seconds",
            )
        if self._file_started is not None and now - self._file_started > file_limit:
            raise bound_error(
                f"OCR of this file (at page {number})",
                f"{now - self._file_started:.1f} s",
                f"{file_limit:g}-second",
                "ocr_file_seconds",
            )

    def no_text_error(self, pages: int) -> LoaderError:
        """The error for a PDF where nothing could be read: says why, and what to do."""
        if self.skipped and self.limits.ocr == "off":
            why = "its pages are scanned images without a text layer and POCKETRAG_OCR=off"
        elif self.skipped:
            why = f"its pages are scanned images without a text layer; {self.unavailable}"
        elif self.ocr_pages:
            why = "OCR found no text on its scanned pages"
        else:
            why = "no extractable text (scanned image?)"
        return LoaderError(f"nothing to index in {pages} page(s): {why}")

    def metadata(self) -> dict[str, object]:
        """What the Document records: OCR'd pages (citations mark them "from a scan") and
        scanned pages left unread, with the reason."""
        out: dict[str, object] = {}
        if self.ocr_pages:
            out["ocr_pages"] = self.ocr_pages
            out["ocr_engine"] = f"rapidocr-onnxruntime {_engine_version()}"
        if self.skipped:
            out["scanned_pages_unread"] = self.skipped
            out["ocr_note"] = "POCKETRAG_OCR=off" if self.limits.ocr == "off" else self.unavailable
        return out
