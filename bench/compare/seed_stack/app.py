"""Seed-stack service: FastAPI with /health, /search and /ask (extractive: the top chunks).

Run: SEED_DB=DIR SEED_STORE=chroma uvicorn bench.compare.seed_stack.app:app --port N
Like the seed deployments, it loads the model and opens the index at import time.
"""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI
from pydantic import BaseModel

from bench.compare.seed_stack.common import load_model, open_index

model = load_model()
index = open_index(os.environ.get("SEED_STORE", "chroma"), Path(os.environ["SEED_DB"]))
app = FastAPI(title="seed stack")


class SearchIn(BaseModel):
    query: str
    k: int = 5


class AskIn(BaseModel):
    question: str
    k: int = 3


@app.get("/health")
def health() -> dict:
    return {"status": "ok", "passages": index.count()}


@app.post("/search")
def search(body: SearchIn) -> dict:
    vector = model.encode([body.query], normalize_embeddings=True)[0]
    return {"hits": index.search(vector, body.k)}


@app.post("/ask")
def ask(body: AskIn) -> dict:
    vector = model.encode([body.question], normalize_embeddings=True)[0]
    hits = index.search(vector, body.k)
    return {"answer": "\n\n".join(h["text"] for h in hits), "sources": hits}
