"""pocketrag's benchmarks: never imported by pocketrag, never run by the test suite.

Run every script as a module from the repository root (`python -m bench.micro.search_scale`),
so the package imports below resolve without touching sys.path:

- bench.compare: the side-by-side against the seed stack (`python -m bench.compare`);
- bench.micro: one part measured at a time (embedding, search, loaders, serving, PostgreSQL,
  replication, hostile files, OCR);
- bench.calibrate: scripts that fit a constant pocketrag ships, calling its public functions;
- bench.common: what several of them share (the memory sampler).

bench/answer_quality.py (the answer-quality sets in bench/answers/) runs as a plain script
or as `python -m bench.answer_quality`; bench.calibrate.answerability_fit reads the same sets.
Results and results-derived docs: docs/BENCHMARKS.md.
"""
