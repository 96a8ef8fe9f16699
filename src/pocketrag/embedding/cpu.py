"""Which int8 weight range suits this CPU (embedding/builder.py quantises with it; the
model cache key in prepare.py names it). Kept apart from the builder, which imports onnx:
serving computes the cache key and must not load onnx."""

from __future__ import annotations

import platform
from functools import cache
from pathlib import Path

# x86 CPU features with which onnxruntime multiplies uint8 by int8 without overflow: VNNI
# (AVX-512 or AVX) or AMX. Without them its kernel adds pairs of products into 16 bits
# (vpmaddubsw), which saturate past 32,767: 2 x 255 x 127 can reach 64,770. On such a CPU
# (AMD EPYC with AVX2, older Intel) full-range weights lost accuracy: batch and single
# embeddings agreed 0.9948 (0.9962 with 7-bit weights), and an outlier channel's smoothing
# no longer helped (0.9925 against the reference, 0.997 or more elsewhere). Weights of 7
# bits (onnxruntime's own "reduce_range" advice) keep 2 x 255 x 63 under the limit.
OVERFLOW_FREE_FLAGS = frozenset({"avx512_vnni", "avx_vnni", "amx_int8"})
FULL_LEVELS = 127
REDUCED_LEVELS = 63


def int8_weight_levels(cpuinfo: str | None = None, machine: str | None = None) -> int:
    """How many levels each side of zero int8 weights use on this CPU: FULL_LEVELS where
    onnxruntime's uint8 x int8 products cannot overflow (ARM's dot products, x86 with VNNI or
    AMX), else REDUCED_LEVELS. `cpuinfo` and `machine` are for tests (default: this host's
    /proc/cpuinfo and platform.machine()); an x86 host whose features cannot be read gets the
    reduced range, which is correct everywhere."""
    machine = (machine or platform.machine()).lower()
    if machine not in ("x86_64", "amd64", "i386", "i686", "x86"):
        return FULL_LEVELS
    if cpuinfo is None:
        try:
            cpuinfo = Path("/proc/cpuinfo").read_text(errors="replace")
        except OSError:
            return REDUCED_LEVELS
    flags = next((line for line in cpuinfo.splitlines() if line.startswith("flags")), "")
    return FULL_LEVELS if OVERFLOW_FREE_FLAGS & set(flags.split()) else REDUCED_LEVELS


@cache
def host_int8_weight_levels() -> int:
    """int8_weight_levels() of this host, read once: every model prepare asks for it."""
    return int8_weight_levels()
