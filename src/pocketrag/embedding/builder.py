"""Write a BERT sentence encoder as an ONNX graph with the `onnx` helper API, then quantise it.

No torch and no transformers: the graph is spelled out node by node from the safetensors
weights (embeddings -> LayerNorm -> N x [self-attention, feed-forward] -> pooling), so the
whole preparation runs in the 512 MB container with only onnx and onnxruntime installed.
Inputs are `input_ids` and `attention_mask` (int64, dynamic batch and sequence); the output
`sentence_embedding` is the pooled, not yet normalised vector.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from pocketrag.embedding.config import ModelSpec

OPSET = 17
INPUTS = ("input_ids", "attention_mask")
OUTPUT = "sentence_embedding"


class _Graph:
    """Collects nodes and initialisers with unique names."""

    def __init__(self) -> None:
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[onnx.TensorProto] = []
        self._n = 0

    def const(self, name: str, value: np.ndarray) -> str:
        self.initializers.append(numpy_helper.from_array(value, name))
        return name

    def op(self, op_type: str, inputs: list[str], **attrs: object) -> str:
        self._n += 1
        out = f"{op_type.lower()}_{self._n}"
        self.nodes.append(helper.make_node(op_type, inputs, [out], name=out, **attrs))
        return out


def _linear(g: _Graph, x: str, w: dict[str, np.ndarray], name: str) -> str:
    # MatMul with a constant [in, out] weight: the form dynamic quantisation turns into
    # MatMulInteger with per-output-channel scales.
    weight = g.const(f"{name}.weight_t", np.ascontiguousarray(w[f"{name}.weight"].T))
    bias = g.const(f"{name}.bias", w[f"{name}.bias"])
    return g.op("Add", [g.op("MatMul", [x, weight]), bias])


def _layer_norm(g: _Graph, x: str, w: dict[str, np.ndarray], name: str, eps: float) -> str:
    scale = g.const(f"{name}.weight", w[f"{name}.weight"])
    bias = g.const(f"{name}.bias", w[f"{name}.bias"])
    return g.op("LayerNormalization", [x, scale, bias], axis=-1, epsilon=eps)


def build_graph(weights: dict[str, np.ndarray], spec: ModelSpec) -> onnx.ModelProto:
    """The fp32 encoder graph for these weights."""
    g = _Graph()
    w = weights
    heads, dim, hidden = spec.num_heads, spec.head_dim, spec.hidden_size
    eps = spec.layer_norm_eps

    # Embeddings. Single sentences always have token type 0, so that row is folded into
    # the position table instead of being a third input.
    word = g.const("embeddings.word", w["embeddings.word_embeddings.weight"])
    pos_table = (
        w["embeddings.position_embeddings.weight"] + w["embeddings.token_type_embeddings.weight"][0]
    )
    pos = g.const("embeddings.position_plus_type0", pos_table.astype(np.float32))
    zero = g.const("c.zero", np.array(0, dtype=np.int64))
    one = g.const("c.one", np.array(1, dtype=np.int64))
    seq_len = g.op("Gather", [g.op("Shape", ["input_ids"]), one], axis=0)
    positions = g.op("Range", [zero, seq_len, one])
    x = g.op(
        "Add",
        [g.op("Gather", [word, "input_ids"], axis=0), g.op("Gather", [pos, positions], axis=0)],
    )
    x = _layer_norm(g, x, w, "embeddings.LayerNorm", eps)

    # Padding becomes an additive bias of -1e9 on the attention scores: (mask - 1) * 1e9.
    mask_f = g.op("Cast", ["attention_mask"], to=TensorProto.FLOAT)
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

        def heads_of(t: str) -> str:
            return g.op("Transpose", [g.op("Reshape", [t, split_shape])], perm=[0, 2, 1, 3])

        q = heads_of(_linear(g, x, w, p + "attention.self.query"))
        k = g.op(
            "Transpose",
            [g.op("Reshape", [_linear(g, x, w, p + "attention.self.key"), split_shape])],
            perm=[0, 2, 3, 1],
        )
        v = heads_of(_linear(g, x, w, p + "attention.self.value"))
        scores = g.op("Add", [g.op("Mul", [g.op("MatMul", [q, k]), scale]), attn_bias])
        probs = g.op("Softmax", [scores], axis=-1)
        context = g.op("Transpose", [g.op("MatMul", [probs, v])], perm=[0, 2, 1, 3])
        context = g.op("Reshape", [context, merge_shape])
        attn = _linear(g, context, w, p + "attention.output.dense")
        x = _layer_norm(g, g.op("Add", [attn, x]), w, p + "attention.output.LayerNorm", eps)

        inner = _linear(g, x, w, p + "intermediate.dense")
        # Exact GELU: 0.5 * x * (1 + erf(x / sqrt(2))).
        erf = g.op("Erf", [g.op("Div", [inner, sqrt2])])
        gelu = g.op("Mul", [g.op("Mul", [inner, half]), g.op("Add", [erf, one_f])])
        out = _linear(g, gelu, w, p + "output.dense")
        x = _layer_norm(g, g.op("Add", [out, x]), w, p + "output.LayerNorm", eps)

    if spec.pooling == "cls":
        pooled = g.op("Gather", [x, zero], axis=1)
    else:
        mask_3d = g.op("Unsqueeze", [mask_f, g.const("c.axes2", np.array([2], dtype=np.int64))])
        axis1 = g.const("c.axis1", np.array([1], dtype=np.int64))
        summed = g.op("ReduceSum", [g.op("Mul", [x, mask_3d]), axis1], keepdims=0)
        counts = g.op("ReduceSum", [mask_3d, axis1], keepdims=0)
        tiny = g.const("c.tiny", np.array(1e-9, dtype=np.float32))
        pooled = g.op("Div", [summed, g.op("Max", [counts, tiny])])
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
    onnx.checker.check_model(model)
    return model


def quantize_int8(fp32_path: Path, int8_path: Path) -> None:
    """Dynamic int8 quantisation, per output channel (per-tensor loses too much: cosine 0.94).

    The word-embedding table (Gather) is quantised too: it is most of the weights, and int8
    cuts the graph from 58 MB to 22 MB of resident memory at a measured mean cosine cost
    of 0.0004 on the reference texts.
    """
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(
        str(fp32_path),
        str(int8_path),
        per_channel=True,
        weight_type=QuantType.QInt8,
        op_types_to_quantize=["MatMul", "Gather"],
    )
