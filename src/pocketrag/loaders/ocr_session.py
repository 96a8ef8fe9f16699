"""ONNX Runtime sessions for OCR that hand their working memory back after every run.

rapidocr builds its sessions with ONNX Runtime's memory pattern on and its CPU arena off.
The first run at each input shape then allocates tensor by tensor from glibc while the
pattern is traced: +52-77 MB for one 128x1600 detection band (a 16:9 slide at 120 DPI), where
later runs at that shape take +33 MB. That first band was the parse worker's peak, and the
whole ingest's (docs/BENCHMARKS.md, "Ingest memory (session 21)"). With the arena on
(growing by what is asked, not to the next power of two), no pattern, and the arena shrunk
at the end of every run, each run peaks at ~+30 MB and keeps nothing after it. Same
kernels, same numbers: the text read is identical.
"""

from __future__ import annotations

from typing import Any

# ONNX Runtime's run option: give the CPU arena's unused blocks back when a run ends.
_SHRINK_ARENA = "memory.enable_memory_arena_shrinkage"


class ShrinkingSession:
    """An onnxruntime.InferenceSession whose `run` shrinks its arena afterwards; otherwise
    the session itself (rapidocr also reads its inputs, outputs and metadata)."""

    def __init__(self, model_path: str, threads: int) -> None:
        import onnxruntime as ort

        # embedding.runtime.session_options sets the same, but importing it would bring
        # pydantic into the parse worker (tests/loaders/test_ocr.py keeps it out)
        options = ort.SessionOptions()
        options.log_severity_level = 4  # rapidocr's: ONNX Runtime's warnings are not ours
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.enable_cpu_mem_arena = True
        options.enable_mem_pattern = False
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        provider = ("CPUExecutionProvider", {"arena_extend_strategy": "kSameAsRequested"})
        self._session = ort.InferenceSession(model_path, options, providers=[provider])
        self._run_options = ort.RunOptions()
        self._run_options.add_run_config_entry(_SHRINK_ARENA, "cpu:0")

    def run(self, output_names: Any, input_feed: Any, run_options: Any = None) -> Any:
        return self._session.run(output_names, input_feed, run_options or self._run_options)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._session, name)


def replace_session(model: Any, model_path: str, threads: int) -> None:
    """Swap the ONNX session inside a rapidocr TextDetector (`.infer`) or TextRecognizer
    (`.session`) for a ShrinkingSession of the same model. rapidocr (pinned below 1.5) takes
    no session options, so its own session is built first and dropped here, before the new
    one is built."""
    holder = model.infer if hasattr(model, "infer") else model.session
    holder.session = None
    holder.session = ShrinkingSession(model_path, threads)
