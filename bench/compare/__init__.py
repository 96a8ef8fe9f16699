"""The side-by-side against the seed stack (sentence-transformers + Chroma/FAISS).

`python -m bench.compare [--quick]` runs it (compare.py); the seed stack itself
(seed_stack/) runs in its own environment, .bench-venv, built by seed_env.sh. Keep this
file import-free: the seed environment imports it on its way to seed_stack.
"""
