"""An ask embeds its question once: the search's query vector is kept for answerability.

The answerer asks its embedder for the question's vector after the search already made
it; both go through `QueryVectors`, which keeps the last few by text (a repeated question
is not embedded at all). Embedding is deterministic, so a kept vector is the one the
embedder would return.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from pocketrag.documents import Hit

QUERY_VECTORS_KEPT = 32


@dataclass
class SearchResult:
    hits: list[Hit]
    query_vector: np.ndarray | None  # None when nothing was embedded (bm25 mode)


class QueryVectors:
    """The last few query vectors by text: the ask embeds its question once, for the
    search and for answerability (and a repeated question not at all). Read-only arrays,
    so no caller can change a vector another one holds."""

    def __init__(
        self,
        embed: Callable[[Sequence[str]], np.ndarray],
        word_pieces: Callable[[str], int] | None = None,
    ) -> None:
        self._embed = embed
        self.word_pieces = word_pieces  # the model's tokenizer, for answerability's rare words
        self._kept: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, text: str) -> np.ndarray:
        with self._lock:
            if text in self._kept:
                self._kept.move_to_end(text)
                return self._kept[text]
        vector = self._embed([text])[0]
        vector.flags.writeable = False
        with self._lock:
            self._kept[text] = vector
            while len(self._kept) > QUERY_VECTORS_KEPT:
                self._kept.popitem(last=False)
        return vector

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """The embedder's `embed`, with one text (a question) served from the kept ones."""
        if len(texts) == 1:
            return self.get(texts[0])[None, :]
        return self._embed(texts)
