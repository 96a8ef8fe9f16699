"""A faithful small copy of the stack pocketrag replaces, for side-by-side benchmarks only.

sentence-transformers (+ torch) embeds, ChromaDB (PersistentClient) or a FAISS IndexFlatIP
stores, pypdf reads PDFs, FastAPI serves. It runs in its own environment (.bench-venv, built
by bench/compare/seed_env.sh) and is never imported by pocketrag nor a dependency of it.
"""
