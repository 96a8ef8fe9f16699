"""Write a BERT sentence encoder as an ONNX graph with the `onnx` helper API, fp32 or int8.

No torch and no transformers: the graph is spelled out node by node from the safetensors
weights (embeddings -> LayerNorm -> N x [self-attention, feed-forward] -> pooling).
Inputs are `input_ids` and `attention_mask` (int64, dynamic batch and sequence); the output
`sentence_embedding` is the pooled, not yet normalised vector.

int8 is dynamic quantisation with per-channel weights, written directly rather than by
running onnxruntime's quantize_dynamic over the fp32 graph: that quantiser peaked at ~500 MB
RSS on all-MiniLM-L6-v2 (shape inference, a reloaded copy, per-tensor copies), which does not
fit a 512 MB container; building int8 directly peaks near the size of the weights. Weights:
symmetric int8, one scale per output column (MatMul) or per token row (word embeddings).
Activations: quantised at run time. What prepare.py builds is activations="tensor" (the
quantize_dynamic layout: one scale per batch, which ORT fuses into DynamicQuantizeMatMul)
plus `smoothing` (calibration.py), which scales BERT's outlier channels down before
quantisation and the matching weight rows up; activations="token" (one scale per token,
`_quantize_rows`: batch-independent, ~1.28x more CPU) was the default up to builder v5 and
stays for comparison. tests/embedding/test_builder.py checks all against onnxruntime's
own quantiser.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from pocketrag.embedding.config import INPUT_NAMES, OUTPUT_NAME, ModelSpec
from pocketrag.embedding.cpu import FULL_LEVELS, host_int8_weight_levels
from pocketrag.embedding.weights import Weights

OPSET = 17
INPUTS = INPUT_NAMES
OUTPUT = OUTPUT_NAME


class _Graph:
    """Collects nodes and initialisers with unique names."""

    def __init__(self) -> None:
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[onnx.TensorProto] = []
        self._n = 0
        self._consts: set[str] = set()

    def const(self, name: str, value: np.ndarray) -> str:
        if name in self._consts:
            raise ValueError(f"duplicate initializer {name}")
        self._consts.add(name)
        self.initializers.append(numpy_helper.from_array(value, name))
        return name

    def const_once(self, name: str, value: np.ndarray) -> str:
        return name if name in self._consts else self.const(name, value)

    def op(self, op_type: str, inputs: list[str], **attrs: object) -> str:
        return self.op_n(op_type, inputs, 1, **attrs)[0]

    def op_n(self, op_type: str, inputs: list[str], outputs: int, **attrs: object) -> list[str]:
        self._n += 1
        base = f"{op_type.lower()}_{self._n}"
        names = [base] + [f"{base}_{i}" for i in range(1, outputs)]
        self.nodes.append(helper.make_node(op_type, inputs, names, name=base, **attrs))
        return names


def _symmetric_int8(
    values: np.ndarray, axis: int, levels: int = FULL_LEVELS
) -> tuple[np.ndarray, np.ndarray]:
    """Per-channel symmetric int8 of a 2-D array: one scale per slice along `axis`, zero 0,
    values in [-levels, levels].

    Works in place on `values` (the caller's copy is spent) to avoid full-size temporaries.
    """
    absmax = np.maximum(values.max(axis=axis), -values.min(axis=axis))
    scale = (np.where(absmax > 0, absmax, 1.0) / float(levels)).astype(np.float32)
    values /= np.expand_dims(scale, axis)
    np.rint(values, out=values)
    np.clip(values, -levels, levels, out=values)
    return values.astype(np.int8), scale


def _quantize_rows(g: _Graph, x: str) -> tuple[str, str]:
    """Quantise activations per token (row): symmetric int8 stored as uint8 with zero point 128.

    One scale per row, unlike DynamicQuantizeLinear's one scale per batch: a text's embedding
    then does not depend on the other texts in its batch (with per-batch scales the empty
    string's cosine to sentence-transformers fell from 0.982 alone to 0.972 in a batch), and
    mean quality rises (0.9926 -> 0.9958 on the reference texts); per-batch scales measured
    1.3-1.45x faster (docs/BENCHMARKS.md, "Embedding").
    uint8 + a constant zero point keeps onnxruntime on its fast u8 x s8 kernel.
    """
    c = g.const_once
    absmax = g.op("ReduceMax", [g.op("Abs", [x])], axes=[-1], keepdims=1)
    absmax = g.op("Max", [absmax, c("c.q_tiny", np.array(1e-12, dtype=np.float32))])
    q127 = c("c.q127", np.array(127.0, dtype=np.float32))
    row_scale = g.op("Div", [absmax, q127])
    # x * 127 / absmax lies in [-127, 127]; + 128.5 then truncation by Cast rounds to nearest.
    shifted = g.op("Mul", [x, g.op("Div", [q127, absmax])])
    shifted = g.op("Add", [shifted, c("c.q128_5", np.array(128.5, dtype=np.float32))])
    lo, hi = (
        c("c.q1", np.array(1.0, dtype=np.float32)),
        c("c.q255", np.array(255.0, dtype=np.float32)),
    )
    x_q = g.op("Cast", [g.op("Clip", [shifted, lo, hi])], to=TensorProto.UINT8)
    return x_q, row_scale


def _linear(
    g: _Graph,
    x: str,
    w: Weights | dict[str, np.ndarray],
    name: str,
    int8: str | None,
    smooth: np.ndarray | None = None,
    levels: int = FULL_LEVELS,
) -> str:
    """x @ W.T + b; `int8` is None (fp32), "token" or "tensor" (activation scale per row/batch).

    `smooth` (int8 only; one factor per input channel, see calibration.py) moves range from
    the activations to the weights: x / s is quantised and W's input rows are multiplied by
    s, which leaves x @ W unchanged but shrinks the outlier channels one per-batch scale has
    to cover.
    """
    # Weights are popped as they are written, so the graph never holds a second copy.
    weight = np.ascontiguousarray(w.pop(f"{name}.weight").T)  # [in, out]
    bias = g.const(f"{name}.bias", w.pop(f"{name}.bias"))
    if not int8:
        return g.op("Add", [g.op("MatMul", [x, g.const(f"{name}.weight_t", weight)]), bias])
    if smooth is not None and np.any(smooth != 1.0):
        weight *= smooth[:, None].astype(np.float32)
        x = g.op("Mul", [x, g.const(f"{name}.smooth_inv", (1.0 / smooth).astype(np.float32))])
    q, scale = _symmetric_int8(weight, axis=0, levels=levels)  # one scale per output column
    del weight
    w_q = g.const(f"{name}.weight_q", q)
    w_scale = g.const(f"{name}.weight_scale", scale)
    w_zero = g.const(f"{name}.weight_zero", np.zeros(q.shape[1], dtype=np.int8))
    if int8 == "token":
        x_q, row_scale = _quantize_rows(g, x)
        zero_128 = g.const_once("c.zp128", np.array(128, dtype=np.uint8))
        product = g.op("MatMulInteger", [x_q, w_q, zero_128, w_zero])
        y = g.op("Mul", [g.op("Cast", [product], to=TensorProto.FLOAT), row_scale])
        return g.op("Add", [g.op("Mul", [y, w_scale]), bias])
    # onnxruntime's quantize_dynamic layout, which its optimiser fuses into
    # DynamicQuantizeMatMul: one input scale for the whole batch.
    x_q, x_scale, x_zero = g.op_n("DynamicQuantizeLinear", [x], 3)
    product = g.op("MatMulInteger", [x_q, w_q, x_zero, w_zero])
    scales = g.op("Mul", [x_scale, w_scale])
    y = g.op("Mul", [g.op("Cast", [product], to=TensorProto.FLOAT), scales])
    return g.op("Add", [y, bias])


def _layer_norm(
    g: _Graph, x: str, w: Weights | dict[str, np.ndarray], name: str, eps: float
) -> str:
    scale = g.const(f"{name}.weight", w.pop(f"{name}.weight"))
    bias = g.const(f"{name}.bias", w.pop(f"{name}.bias"))
    return g.op("LayerNormalization", [x, scale, bias], axis=-1, epsilon=eps)


def _word_embeddings(g: _Graph, table: np.ndarray, int8: str | None) -> str:
    if not int8:
        return g.op("Gather", [g.const("embeddings.word", table), "input_ids"], axis=0)
    # One scale per token row: the table is most of the weights (47 MB fp32 -> 12 MB).
    q, scale = _symmetric_int8(table, axis=1)
    rows = g.op("Gather", [g.const("embeddings.word_q", q), "input_ids"], axis=0)
    row_scale = g.op("Gather", [g.const("embeddings.word_scale", scale), "input_ids"], axis=0)
    axes = g.const("c.axes_last", np.array([-1], dtype=np.int64))
    return g.op(
        "Mul",
        [g.op("Cast", [rows], to=TensorProto.FLOAT), g.op("Unsqueeze", [row_scale, axes])],
    )


def build_graph(
    weights: Weights | dict[str, np.ndarray],
    spec: ModelSpec,
    precision: str = "fp32",
    activations: str = "token",
    smoothing: Mapping[str, np.ndarray] | None = None,
    weight_levels: int | None = None,
) -> onnx.ModelProto:
    """The encoder graph for these weights. Consumes `weights` (emptied as it goes).

    For int8, `activations` chooses the input scale of each quantised MatMul: "token" (per
    row, batch-independent) or "tensor" (onnxruntime's quantize_dynamic layout: per batch,
    faster; what prepare.py builds, with `smoothing`: {layer name: factor per input
    channel}, see `_linear` and calibration.py). `weight_levels`: the range of the MatMul
    weights (default: this CPU's, embedding/cpu.py).
    """
    if precision not in ("fp32", "int8") or activations not in ("token", "tensor"):
        raise ValueError(f"unknown precision/activations {precision!r}/{activations!r}")
    int8 = activations if precision == "int8" else None
    smooth = dict(smoothing or {}) if int8 else {}
    levels = weight_levels or host_int8_weight_levels()
    g = _Graph()
    w = weights
    heads, dim, hidden = spec.num_heads, spec.head_dim, spec.hidden_size
    eps = spec.layer_norm_eps

    # Embeddings. Single sentences always have token type 0, so that row is folded into
    # the position table instead of being a third input.
    word = _word_embeddings(g, w.pop("embeddings.word_embeddings.weight"), int8)
    pos_table = (
        w.pop("embeddings.position_embeddings.weight")
        + w.pop("embeddings.token_type_embeddings.weight")[0]
    )
    pos = g.const("embeddings.position_plus_type0", pos_table.astype(np.float32))
    zero = g.const("c.zero", np.array(0, dtype=np.int64))
    one = g.const("c.one", np.array(1, dtype=np.int64))
    seq_len = g.op("Gather", [g.op("Shape", ["input_ids"]), one], axis=0)
    positions = g.op("Range", [zero, seq_len, one])
    x = g.op("Add", [word, g.op("Gather", [pos, positions], axis=0)])
    mask_f = g.op("Cast", ["attention_mask"], to=TensorProto.FLOAT)
    mask_3d = g.op("Unsqueeze", [mask_f, g.const("c.axes2", np.array([2], dtype=np.int64))])

    def zero_padding(t: str) -> str:
        # Per-batch int8 only: DynamicQuantizeLinear picks one input scale for the whole
        # batch, and padding rows (never attended to) would otherwise widen it.
        return g.op("Mul", [t, mask_3d]) if int8 == "tensor" else t

    x = zero_padding(_layer_norm(g, x, w, "embeddings.LayerNorm", eps))

    # Padding becomes an additive bias of -1e9 on the attention scores: (mask - 1) * 1e9.
    axes12 = g.const("c.axes12", np.array([1, 2], dtype=np.int64))
    mask_4d = g.op("Unsqueeze", [mask_f, axes12])  # (batch, 1, 1, seq)
    one_f = g.const("c.one_f", np.array(1.0, dtype=np.float32))
    big = g.const("c.big", np.array(1e9, dtype=np.float32))
    attn_bias = g.op("Mul", [g.op("Sub", [mask_4d, one_f]), big])

    split_shape = g.const("c.split_shape", np.array([0, 0, heads, dim], dtype=np.int64))
    merge_shape = g.const("c.merge_shape", np.array([0, 0, hidden], dtype=np.int64))
    scale = g.const("c.scale", np.array(1.0 / math.sqrt(dim), dtype=np.float32))
    sqrt2 = g.const("c.sqrt2", np.array(math.sqrt(2.0), dtype=np.float32))
    half = g.const("c.half", np.array(0.5, dtype=np.float32))

    for n in range(spec.num_layers):
        p = f"encoder.layer.{n}."

        def linear(t: str, suffix: str, p: str = p) -> str:
            return _linear(g, t, w, p + suffix, int8, smooth.pop(p + suffix, None), levels)

        def heads_of(t: str) -> str:
            return g.op("Transpose", [g.op("Reshape", [t, split_shape])], perm=[0, 2, 1, 3])

        q = heads_of(linear(x, "attention.self.query"))
        k = g.op(
            "Transpose",
            [g.op("Reshape", [linear(x, "attention.self.key"), split_shape])],
            perm=[0, 2, 3, 1],
        )
        v = heads_of(linear(x, "attention.self.value"))
        scores = g.op("Add", [g.op("Mul", [g.op("MatMul", [q, k]), scale]), attn_bias])
        probs = g.op("Softmax", [scores], axis=-1)
        context = g.op("Transpose", [g.op("MatMul", [probs, v])], perm=[0, 2, 1, 3])
        context = g.op("Reshape", [context, merge_shape])
        attn = linear(context, "attention.output.dense")
        x = _layer_norm(g, g.op("Add", [attn, x]), w, p + "attention.output.LayerNorm", eps)
        x = zero_padding(x)

        inner = linear(x, "intermediate.dense")
        # Exact GELU: 0.5 * x * (1 + erf(x / sqrt(2))).
        erf = g.op("Erf", [g.op("Div", [inner, sqrt2])])
        gelu = g.op("Mul", [g.op("Mul", [inner, half]), g.op("Add", [erf, one_f])])
        out = linear(gelu, "output.dense")
        x = zero_padding(_layer_norm(g, g.op("Add", [out, x]), w, p + "output.LayerNorm", eps))

    if spec.pooling == "cls":
        pooled = g.op("Gather", [x, zero], axis=1)
    else:
        axis1 = g.const("c.axis1", np.array([1], dtype=np.int64))
        summed = g.op("ReduceSum", [g.op("Mul", [x, mask_3d]), axis1], keepdims=0)
        counts = g.op("ReduceSum", [mask_3d, axis1], keepdims=0)
        tiny = g.const("c.tiny", np.array(1e-9, dtype=np.float32))
        pooled = g.op("Div", [summed, g.op("Max", [counts, tiny])])
    if smooth:
        raise ValueError(f"smoothing for unknown layers: {sorted(smooth)}")
    g.nodes.append(helper.make_node("Identity", [pooled], [OUTPUT], name="output"))

    graph = helper.make_graph(
        g.nodes,
        "pocketrag_bert_encoder",
        [
            helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", "seq"])
            for name in INPUTS
        ],
        [helper.make_tensor_value_info(OUTPUT, TensorProto.FLOAT, ["batch", hidden])],
        initializer=g.initializers,
    )
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", OPSET)],
        producer_name="pocketrag",
    )
    model.ir_version = 8  # readable by every onnxruntime >= 1.14
    return model
