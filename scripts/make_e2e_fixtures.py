"""Writes small ONNX fixtures for the end-to-end tests (committed; run with Debian's /usr/bin/python3).

external-data/: y = x @ W + b, with W and b stored in weights.bin (ONNX external-data format).
"""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "e2e", "fixtures")
HERE = os.path.join(FIXTURES, "external-data")
# Text that would run script if any of it were rendered as HTML.
HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'


def main() -> None:
    rng = np.random.default_rng(7)
    w = numpy_helper.from_array(rng.standard_normal((4, 3)).astype(np.float32), "W")
    b = numpy_helper.from_array(rng.standard_normal((3,)).astype(np.float32), "b")
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["x", "W"], ["xw"]), helper.make_node("Add", ["xw", "b"], ["y"])],
        "external_data_linear",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", 4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["batch", 3])],
        initializer=[w, b],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="onnx-playground-e2e")
    model.ir_version = 8
    os.makedirs(HERE, exist_ok=True)
    onnx.save_model(model, os.path.join(HERE, "model.onnx"), save_as_external_data=True,
                    all_tensors_to_one_file=True, location="weights.bin", size_threshold=0)

    hostile()


def hostile() -> None:
    """hostile/model.onnx: every string field of the model holds markup (names, doc strings, metadata_props)."""
    x_name, y_name = "x" + HOSTILE, "y" + HOSTILE
    graph = helper.make_graph(
        [helper.make_node("Relu", [x_name], [y_name], name="relu" + HOSTILE, doc_string=HOSTILE)],
        "graph" + HOSTILE,
        [helper.make_tensor_value_info(x_name, TensorProto.FLOAT, ["batch" + HOSTILE, 3])],
        [helper.make_tensor_value_info(y_name, TensorProto.FLOAT, ["batch" + HOSTILE, 3])],
        doc_string=HOSTILE,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name=HOSTILE,
                              producer_version=HOSTILE, domain=HOSTILE, doc_string=HOSTILE)
    model.ir_version = 8
    helper.set_model_props(model, {HOSTILE: HOSTILE, "target_classes": HOSTILE})
    os.makedirs(os.path.join(FIXTURES, "hostile"), exist_ok=True)
    onnx.save_model(model, os.path.join(FIXTURES, "hostile", "model.onnx"))


if __name__ == "__main__":
    main()
