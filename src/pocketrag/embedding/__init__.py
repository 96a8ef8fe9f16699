"""Sentence embeddings on ONNX Runtime: no torch at run time (DESIGN.md, decision 1)."""
