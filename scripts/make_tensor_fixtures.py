"""Writes the tensor-reader test material under src/core/tensors/fixtures/.

Run with Debian's interpreter (python3-numpy, python3-onnx):

    /usr/bin/python3 scripts/make_tensor_fixtures.py && node scripts/make-tensor-fixtures.mjs

This script writes the models, their inputs in every file form (.npy, .npz,
TensorProto .pb, JSON) and, for each, a manifest of what a reader must find.
The expected outputs are NOT computed here: `make-tensor-fixtures.mjs` runs
onnxruntime-node (the project's reference runtime) on the inputs and writes
`output_K.pb` and the zoo-style `.tar.gz` archives.
"""

import json
import math
import os
import shutil

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "core", "tensors", "fixtures")
OPSET = [helper.make_opsetid("", 17)]

ORT_NAME = {
    "float32": "float32", "float64": "float64", "float16": "float16",
    "int8": "int8", "int16": "int16", "int32": "int32", "int64": "int64",
    "uint8": "uint8", "uint16": "uint16", "uint32": "uint32", "uint64": "uint64",
    "bool": "bool",
}


def dtype_name(array):
    if array.dtype.kind in "US":
        return "string"
    return ORT_NAME[array.dtype.newbyteorder("=").name]


def json_value(v, kind):
    """One element as the manifests write it: integers as decimal strings (exact), floats as numbers, NaN/±Infinity as strings."""
    if kind in "US":
        return v.decode("utf-8") if isinstance(v, bytes) else str(v)
    if kind == "b":
        return bool(v)
    if kind in "iu":
        return str(int(v))
    f = float(v)
    if math.isnan(f):
        return "NaN"
    if math.isinf(f):
        return "Infinity" if f > 0 else "-Infinity"
    return f


def describe(array):
    flat = np.ascontiguousarray(array).reshape(-1)
    return {"dtype": dtype_name(array), "dims": list(array.shape), "data": [json_value(v, array.dtype.kind) for v in flat]}


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, indent=1, ensure_ascii=False, allow_nan=False)
        f.write("\n")


def fresh(path):
    if os.path.isdir(path):
        shutil.rmtree(path)
    os.makedirs(path)
    return path


# ---------------------------------------------------------------- float16

def float16_reference():
    """Numbers and the float16 bits NumPy rounds them to (float64 → float16 directly, ties to even)."""
    rng = np.random.default_rng(16)
    values = [0.0, 1.0, -1.0, 5.1, 3.5, 1.4, 0.2, 65504.0, 65519.99, 65520.0, -65520.0, 1e5, 2.0 ** -14, 2.0 ** -24,
              2.0 ** -25, 3 * 2.0 ** -25, 2.0 ** -26, 1 + 2.0 ** -11, 1 + 3 * 2.0 ** -11, 0.1, 1 / 3, 6.1e-5, 5.96e-8, 1e-9]
    values += list(rng.standard_normal(300) * 10.0 ** rng.integers(-9, 6, 300))
    # Every tie between two neighbouring finite halves, for a sample of them.
    halves = rng.integers(0, 0x7BFF, 400).astype(np.uint16)
    for h in halves:
        a = float(np.array([h], dtype=np.uint16).view(np.float16)[0])
        b = float(np.array([h + 1], dtype=np.uint16).view(np.float16)[0])
        values.append((a + b) / 2)
        values.append(-(a + b) / 2)
    pairs = [[v, int(np.array([v], dtype=np.float64).astype(np.float16).view(np.uint16)[0])] for v in values]
    write_json(os.path.join(ROOT, "float16-reference.json"), {
        "note": "[number, float16 bits as numpy.float16 rounds it]; -0, ±Infinity and NaN are tested in code",
        "pairs": pairs,
    })


# ---------------------------------------------------------------- .npy

def npy_cases():
    big = np.array([2 ** 62 + 1, -(2 ** 63), 2 ** 63 - 1, -1, 0, 2 ** 53 + 1], dtype="<i8")
    cases = {
        "float32": np.arange(6, dtype="<f4").reshape(2, 3) / 4,
        "float64": np.array([[0.1, -2.5e-300], [1e300, 3.0]], dtype="<f8"),
        "float16": np.array([[5.1, 3.5, 1.4, 0.2]], dtype="<f2"),
        "int8": np.array([-128, -1, 0, 127], dtype="i1"),
        "int16": np.array([-32768, 32767], dtype="<i2"),
        "int32": np.array([[-2 ** 31, 2 ** 31 - 1, 7]], dtype="<i4"),
        "int64-big": big,
        "uint8": np.array([0, 255, 17], dtype="u1"),
        "uint16": np.array([65535, 1], dtype="<u2"),
        "uint32": np.array([4294967295, 0], dtype="<u4"),
        "uint64-big": np.array([2 ** 64 - 1, 2 ** 53 + 1, 0], dtype="<u8"),
        "bool": np.array([[True, False, True]], dtype="|b1"),
        "unicode": np.array(["a", "héllo", "日本", ""], dtype="<U5"),
        "bytes": np.array([b"ab", b"xyz"], dtype="|S3"),
        "rank0-float32": np.array(3.5, dtype="<f4"),
        "rank0-int64": np.array(16000, dtype="<i8"),
        "zero-size-float32": np.zeros((0, 3), dtype="<f4"),
        "zero-size-int64": np.zeros((2, 0), dtype="<i8"),
        "special-floats": np.array([np.nan, np.inf, -np.inf, -0.0, 1.0], dtype="<f4"),
        "be-float32": np.arange(6, dtype=">f4").reshape(3, 2) - 2.5,
        "be-float64": np.array([1.5, -2.25], dtype=">f8"),
        "be-float16": np.array([5.1, -0.2], dtype=">f2"),
        "be-int64": big.astype(">i8"),
        "be-uint16": np.array([1, 258, 65535], dtype=">u2"),
        "be-unicode": np.array(["ab", "ç"], dtype=">U2"),
        "fortran-float32": np.asfortranarray(np.arange(24, dtype="<f4").reshape(2, 3, 4)),
        "fortran-int64": np.asfortranarray(np.array([[1, 2, 3], [4, 5, 2 ** 60]], dtype="<i8")),
        "fortran-be-int32": np.asfortranarray(np.arange(6, dtype=">i4").reshape(2, 3)),
    }
    versions = {"v2-float32": ((2, 0), cases["float32"]), "v3-unicode": ((3, 0), cases["unicode"])}
    out = fresh(os.path.join(ROOT, "npy"))
    manifest = {}
    for name, array in cases.items():
        np.save(os.path.join(out, f"{name}.npy"), array)
        manifest[name] = describe(array)
    for name, (version, array) in versions.items():
        with open(os.path.join(out, f"{name}.npy"), "wb") as f:
            np.lib.format.write_array(f, array, version=version)
        manifest[name] = describe(array)
    write_json(os.path.join(out, "manifest.json"), manifest)


# ---------------------------------------------------------------- TensorProto .pb

def pb_cases():
    out = fresh(os.path.join(ROOT, "pb"))
    manifest = {}

    def save(file, tensor, expected):
        with open(os.path.join(out, f"{file}.pb"), "wb") as f:
            f.write(tensor.SerializeToString())
        manifest[file] = {"name": tensor.name, **describe(expected)}

    raw = {
        "float32": np.array([[1.5, -2.0, 0.25]], dtype=np.float32),
        "float64": np.array([0.1, 1e300], dtype=np.float64),
        "float16": np.array([5.1, 3.5, 1.4, 0.2], dtype=np.float16),
        "int8": np.array([-5, 7], dtype=np.int8),
        "int16": np.array([-300, 300], dtype=np.int16),
        "int32": np.array([-70000, 70000], dtype=np.int32),
        "int64": np.array([2 ** 62 + 1, -(2 ** 63), 2 ** 53 + 1], dtype=np.int64),
        "uint8": np.array([0, 200], dtype=np.uint8),
        "uint16": np.array([40000], dtype=np.uint16),
        "uint32": np.array([4000000000], dtype=np.uint32),
        "uint64": np.array([2 ** 64 - 1, 3], dtype=np.uint64),
        "bool": np.array([[True, False], [False, True]]),
        "rank0": np.array(16000, dtype=np.int64),
        "zero-size": np.zeros((0, 4), dtype=np.float32),
    }
    for key, array in raw.items():
        save(f"raw-{key}", numpy_helper.from_array(array, name=f"raw_{key}"), array)
    strings = np.array(["a", "héllo", ""], dtype=object)
    save("string", numpy_helper.from_array(strings, name="text"), np.array(["a", "héllo", ""]))

    typed = [
        ("float_data", TensorProto.FLOAT, np.array([1.5, -2.0], dtype=np.float32)),
        ("double_data", TensorProto.DOUBLE, np.array([0.1, -1e-300], dtype=np.float64)),
        ("int32_data-int8", TensorProto.INT8, np.array([-128, 127], dtype=np.int8)),
        ("int32_data-int16", TensorProto.INT16, np.array([-32768, 5], dtype=np.int16)),
        ("int32_data-uint8", TensorProto.UINT8, np.array([255, 0], dtype=np.uint8)),
        ("int32_data-uint16", TensorProto.UINT16, np.array([65535, 2], dtype=np.uint16)),
        ("int32_data-bool", TensorProto.BOOL, np.array([True, False, True])),
        ("int32_data-float16", TensorProto.FLOAT16, np.array([5.1, -0.2, 65504], dtype=np.float16)),
        ("int32_data-int32", TensorProto.INT32, np.array([-7, 2 ** 31 - 1], dtype=np.int32)),
        ("int64_data", TensorProto.INT64, np.array([2 ** 62 + 1, -(2 ** 63), -1], dtype=np.int64)),
        ("uint64_data-uint32", TensorProto.UINT32, np.array([4294967295, 1], dtype=np.uint32)),
        ("uint64_data-uint64", TensorProto.UINT64, np.array([2 ** 64 - 1, 2 ** 53 + 1], dtype=np.uint64)),
    ]
    for file, code, array in typed:
        vals = array.tolist()
        save(f"typed-{file}", helper.make_tensor(file.replace("-", "_"), code, list(array.shape), vals, raw=False), array)
    # No name: matched to an input by position.
    unnamed = np.array([[1.0, 2.0]], dtype=np.float32)
    save("unnamed", numpy_helper.from_array(unnamed), unnamed)
    write_json(os.path.join(out, "manifest.json"), manifest)


# ---------------------------------------------------------------- models

def save_model(graph, path):
    model = helper.make_model(graph, opset_imports=OPSET, producer_name="onnx-playground fixtures")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, path)


def token_gru(rng):
    """input_ids int64 [batch, seq] + attention_mask int64 [batch, seq] + state float32 [1, batch, 8] → scores [batch, 3], hn [1, batch, 8]."""
    vocab, emb, hidden = 32, 6, 8
    inits = [
        numpy_helper.from_array(rng.standard_normal((vocab, emb)).astype(np.float32), "embedding"),
        numpy_helper.from_array((rng.standard_normal((1, 3 * hidden, emb)) * 0.5).astype(np.float32), "W"),
        numpy_helper.from_array((rng.standard_normal((1, 3 * hidden, hidden)) * 0.5).astype(np.float32), "R"),
        numpy_helper.from_array((rng.standard_normal((1, 6 * hidden)) * 0.1).astype(np.float32), "B"),
        numpy_helper.from_array(rng.standard_normal((hidden, 3)).astype(np.float32), "head"),
        numpy_helper.from_array(np.array([-1], dtype=np.int64), "last_axis"),
        numpy_helper.from_array(np.array([0], dtype=np.int64), "first_axis"),
    ]
    nodes = [
        helper.make_node("Gather", ["embedding", "input_ids"], ["embedded"]),
        helper.make_node("Cast", ["attention_mask"], ["mask_f"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["mask_f", "last_axis"], ["mask_3d"]),
        helper.make_node("Mul", ["embedded", "mask_3d"], ["masked"]),
        helper.make_node("Transpose", ["masked"], ["x_seq"], perm=[1, 0, 2]),
        helper.make_node("GRU", ["x_seq", "W", "R", "B", "", "state"], ["", "hn"], hidden_size=hidden, linear_before_reset=1),
        helper.make_node("Squeeze", ["hn", "first_axis"], ["h_last"]),
        helper.make_node("MatMul", ["h_last", "head"], ["scores"]),
    ]
    graph = helper.make_graph(
        nodes, "token_gru",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "seq"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "seq"]),
         helper.make_tensor_value_info("state", TensorProto.FLOAT, [1, "batch", hidden])],
        [helper.make_tensor_value_info("scores", TensorProto.FLOAT, ["batch", 3]),
         helper.make_tensor_value_info("hn", TensorProto.FLOAT, [1, "batch", hidden])],
        inits,
    )
    return graph


def vad_like():
    """`input` [?, ?] and `state` [2, ?, 128] with unnamed dimensions, `sr` an int64 scalar → output [?, 1], stateN [2, ?, 128]."""
    inits = [
        numpy_helper.from_array(np.array([1], dtype=np.int64), "axis1"),
        numpy_helper.from_array(np.array([0], dtype=np.int64), "axis0"),
        numpy_helper.from_array(np.array(16000.0, dtype=np.float32), "base_rate"),
    ]
    nodes = [
        helper.make_node("ReduceMean", ["input"], ["x_mean"], axes=[1], keepdims=1),
        helper.make_node("ReduceMean", ["state"], ["s_mean"], axes=[0, 2], keepdims=0),
        helper.make_node("Unsqueeze", ["s_mean", "axis1"], ["s_col"]),
        helper.make_node("Cast", ["sr"], ["sr_f"], to=TensorProto.FLOAT),
        helper.make_node("Div", ["sr_f", "base_rate"], ["rate"]),
        helper.make_node("Mul", ["x_mean", "rate"], ["x_scaled"]),
        helper.make_node("Add", ["x_scaled", "s_col"], ["logit"]),
        helper.make_node("Sigmoid", ["logit"], ["output"]),
        helper.make_node("Unsqueeze", ["x_mean", "axis0"], ["x_b"]),
        helper.make_node("Add", ["state", "x_b"], ["s_sum"]),
        helper.make_node("Tanh", ["s_sum"], ["stateN"]),
    ]
    graph = helper.make_graph(
        nodes, "vad_like",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, [None, None]),
         helper.make_tensor_value_info("state", TensorProto.FLOAT, [2, None, 128]),
         helper.make_tensor_value_info("sr", TensorProto.INT64, [])],
        [helper.make_tensor_value_info("output", TensorProto.FLOAT, [None, 1]),
         helper.make_tensor_value_info("stateN", TensorProto.FLOAT, [2, None, 128])],
        inits,
    )
    return graph


def fp16_add():
    c = np.array([0.5, -1.0, 2.0, 0.125], dtype=np.float16)
    nodes = [
        helper.make_node("Add", ["x", "c"], ["y"]),
        helper.make_node("Cast", ["y"], ["y32"], to=TensorProto.FLOAT),
    ]
    return helper.make_graph(
        nodes, "fp16_add",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT16, ["N", 4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT16, ["N", 4]),
         helper.make_tensor_value_info("y32", TensorProto.FLOAT, ["N", 4])],
        [numpy_helper.from_array(c, "c")],
    )


def fp16_mlp(rng):
    """An iris-sized float16 MLP: x float16 [N, 4] → probabilities float16 [N, 3], label int64 [N]."""
    w1 = (rng.standard_normal((4, 8)) * 0.8).astype(np.float16)
    b1 = (rng.standard_normal(8) * 0.1).astype(np.float16)
    w2 = (rng.standard_normal((8, 3)) * 0.8).astype(np.float16)
    b2 = (rng.standard_normal(3) * 0.1).astype(np.float16)
    nodes = [
        helper.make_node("MatMul", ["x", "w1"], ["h0"]),
        helper.make_node("Add", ["h0", "b1"], ["h1"]),
        helper.make_node("Relu", ["h1"], ["h"]),
        helper.make_node("MatMul", ["h", "w2"], ["z0"]),
        helper.make_node("Add", ["z0", "b2"], ["logits"]),
        helper.make_node("Softmax", ["logits"], ["probabilities"], axis=1),
        helper.make_node("ArgMax", ["logits"], ["label"], axis=1, keepdims=0),
    ]
    return helper.make_graph(
        nodes, "fp16_mlp",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT16, ["N", 4])],
        [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT16, ["N", 3]),
         helper.make_tensor_value_info("label", TensorProto.INT64, ["N"])],
        [numpy_helper.from_array(w1, "w1"), numpy_helper.from_array(b1, "b1"),
         numpy_helper.from_array(w2, "w2"), numpy_helper.from_array(b2, "b2")],
    )


ALL_TYPES = [
    ("f32", TensorProto.FLOAT, ["n"]), ("f64", TensorProto.DOUBLE, [2, 2]), ("f16", TensorProto.FLOAT16, ["n"]),
    ("i8", TensorProto.INT8, [None]), ("i16", TensorProto.INT16, [None]), ("i32", TensorProto.INT32, [None]),
    ("i64", TensorProto.INT64, [None]), ("u8", TensorProto.UINT8, [None]), ("u16", TensorProto.UINT16, [None]),
    ("u32", TensorProto.UINT32, [None]), ("u64", TensorProto.UINT64, [None]), ("b", TensorProto.BOOL, [1, 3]),
    ("s", TensorProto.STRING, [None]), ("scalar", TensorProto.INT64, []), ("empty", TensorProto.FLOAT, [0, 3]),
]


def identity_all_types():
    """One Identity per element type (plus a rank-0 and a zero-size input): what goes in must come out."""
    nodes = [helper.make_node("Identity", [n], [f"{n}_out"]) for n, _, _ in ALL_TYPES]
    return helper.make_graph(
        nodes, "identity_all_types",
        [helper.make_tensor_value_info(n, t, s) for n, t, s in ALL_TYPES],
        [helper.make_tensor_value_info(f"{n}_out", t, s) for n, t, s in ALL_TYPES],
    )


def write_data_set(folder, index, named):
    """test_data_set_N/input_K.pb in graph input order, each tensor named after its input."""
    path = os.path.join(folder, f"test_data_set_{index}")
    os.makedirs(path, exist_ok=True)
    for k, (name, array) in enumerate(named):
        tensor = numpy_helper.from_array(array, name=name)
        with open(os.path.join(path, f"input_{k}.pb"), "wb") as f:
            f.write(tensor.SerializeToString())


def models():
    rng = np.random.default_rng(11)
    out = fresh(os.path.join(ROOT, "models"))

    gru = fresh(os.path.join(out, "token-gru"))
    save_model(token_gru(rng), os.path.join(gru, "model.onnx"))
    sets = []
    for batch, seq in [(1, 3), (2, 5)]:
        ids = rng.integers(0, 32, (batch, seq)).astype(np.int64)
        mask = np.ones((batch, seq), dtype=np.int64)
        mask[-1, -1] = 0
        state = (rng.standard_normal((1, batch, 8)) * 0.3).astype(np.float32)
        sets.append([("input_ids", ids), ("attention_mask", mask), ("state", state)])
    for i, named in enumerate(sets):
        write_data_set(gru, i, named)
    first = dict(sets[0])
    np.savez(os.path.join(out, "token-gru-inputs.npz"), **first)
    np.savez_compressed(os.path.join(out, "token-gru-inputs-compressed.npz"), **first)
    for name, array in first.items():
        np.save(os.path.join(out, f"token-gru-{name}.npy"), array)
    write_json(os.path.join(out, "token-gru-request.json"), {"inputs": {k: v.tolist() for k, v in first.items()}})
    write_json(os.path.join(out, "token-gru-instances.json"), {"instances": [
        {k: v[0].tolist() if k != "state" else v[:, 0].tolist() for k, v in first.items()}]})
    write_json(os.path.join(out, "token-gru-expected.json"), {k: describe(v) for k, v in first.items()})

    vad = fresh(os.path.join(out, "vad-like"))
    save_model(vad_like(), os.path.join(vad, "model.onnx"))
    audio = (rng.standard_normal((1, 512)) * 0.1).astype(np.float32)
    state = np.zeros((2, 1, 128), dtype=np.float32)
    sr = np.array(16000, dtype=np.int64)
    write_data_set(vad, 0, [("input", audio), ("state", state), ("sr", sr)])
    np.savez(os.path.join(out, "vad-like-inputs.npz"), input=audio, state=state, sr=sr)
    write_json(os.path.join(out, "vad-like-request.json"), {"inputs": {"input": audio.tolist(), "state": state.tolist(), "sr": 16000}})

    add = fresh(os.path.join(out, "fp16-add"))
    save_model(fp16_add(), os.path.join(add, "model.onnx"))
    write_data_set(add, 0, [("x", np.array([[5.1, 3.5, 1.4, 0.2], [-0.0, 65504, 6e-8, -2.5]], dtype=np.float16))])
    write_json(os.path.join(out, "fp16-request.json"), {"inputs": {"x": [[5.1, 3.5, 1.4, 0.2]]}})

    mlp = fresh(os.path.join(out, "fp16-mlp"))
    save_model(fp16_mlp(rng), os.path.join(mlp, "model.onnx"))
    iris = np.array([[5.1, 3.5, 1.4, 0.2], [6.7, 3.0, 5.2, 2.3], [5.9, 3.0, 4.2, 1.5]], dtype=np.float16)
    write_data_set(mlp, 0, [("x", iris)])

    ident = fresh(os.path.join(out, "identity-all-types"))
    save_model(identity_all_types(), os.path.join(ident, "model.onnx"))
    values = {
        "f32": np.array([1.5, np.nan, -np.inf], dtype=np.float32),
        "f64": np.array([[0.1, -2.0], [1e300, 5e-324]], dtype=np.float64),
        "f16": np.array([5.1, -0.2, 65504], dtype=np.float16),
        "i8": np.array([-128, 127], dtype=np.int8), "i16": np.array([-32768], dtype=np.int16),
        "i32": np.array([2 ** 31 - 1, -5], dtype=np.int32), "i64": np.array([2 ** 62 + 1, -(2 ** 63)], dtype=np.int64),
        "u8": np.array([255], dtype=np.uint8), "u16": np.array([65535, 0], dtype=np.uint16),
        "u32": np.array([4294967295], dtype=np.uint32), "u64": np.array([2 ** 64 - 1, 2 ** 53 + 1], dtype=np.uint64),
        "b": np.array([[True, False, True]]), "s": np.array(["a", "héllo", ""], dtype=object),
        "scalar": np.array(-7, dtype=np.int64), "empty": np.zeros((0, 3), dtype=np.float32),
    }
    write_data_set(ident, 0, [(n, values[n]) for n, _, _ in ALL_TYPES])
    np.savez(os.path.join(out, "identity-all-types.npz"), **{n: (v.astype(str) if v.dtype == object else v) for n, v in values.items()})


def main():
    os.makedirs(ROOT, exist_ok=True)
    float16_reference()
    npy_cases()
    pb_cases()
    models()
    print(f"wrote {ROOT}")


if __name__ == "__main__":
    main()
