"""Check a built graph against the NumPy reference forward pass over the same weights.

`pocketrag models prepare --verify` runs this so a user who points at their own model folder
sees, before indexing anything, that the graph computes what the weights define.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pocketrag.embedding.prepare import Precision, PreparedModel

SAMPLE_TEXTS = (
    "How many vacation days do new employees get?",
    "Remote work requires a secure VPN connection and manager approval.",
    "",
    "a",
    "Les employés peuvent travailler à distance deux jours par semaine.",
    # Longer than any max_seq_length, so truncation is checked too.
    " ".join(["The expense report must be submitted within 30 days with receipts."] * 60),
)
# int8 is an approximation by design; fp32 must agree to rounding.
THRESHOLDS: dict[str, tuple[float, float]] = {"fp32": (0.99999, 0.99999), "int8": (0.98, 0.99)}


@dataclass(frozen=True)
class Verification:
    precision: str
    texts: tuple[str, ...]
    cosines: tuple[float, ...]
    min_required: float
    mean_required: float

    @property
    def passed(self) -> bool:
        return (
            min(self.cosines) >= self.min_required
            and float(np.mean(self.cosines)) >= self.mean_required
        )


def verify(
    prepared: PreparedModel, precision: Precision, texts: tuple[str, ...] = SAMPLE_TEXTS
) -> Verification:
    from pocketrag.embedding.reference import reference_forward
    from pocketrag.embedding.runtime import Embedder, load_tokenizer
    from pocketrag.embedding.weights import load_weights

    embedder = Embedder(prepared, precision, batch_size=4, threads=1)
    graph = embedder.embed(list(texts))
    weights = load_weights(prepared.source.folder / "model.safetensors", prepared.spec)
    tokenizer = load_tokenizer(prepared, prepared.spec.max_seq_length)
    cosines = []
    for row, text in enumerate(texts):
        ids = np.array([tokenizer.encode(text).ids], dtype=np.int64)
        ref = reference_forward(weights, prepared.spec, ids, np.ones_like(ids))[0]
        cosines.append(float(graph[row] @ ref / max(float(np.linalg.norm(ref)), 1e-12)))
    low, mean = THRESHOLDS[precision]
    return Verification(precision, texts, tuple(cosines), low, mean)
