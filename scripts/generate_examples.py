#!/usr/bin/python3
"""Generate the example model packages under public/examples/.

Run from anywhere with Debian's interpreter (it has python3-torch, python3-onnx,
python3-sklearn, python3-numpy and python3-yaml):

    /usr/bin/python3 scripts/generate_examples.py

Everything is seeded and single-threaded, so two runs on the same machine write
byte-identical files. Each package holds an ONNX model, a metadata.json whose
performance_metrics were measured on the package's own test.csv, an input
example and the training environment. scripts/reference-outputs.mjs then runs
every model with onnxruntime-node and checks that the recorded accuracy is
reproduced by the exported graph.

No skl2onnx here: the sklearn models are written with onnx.helper from the
fitted parameters (what skl2onnx does internally), the torch models with
torch.onnx.export.
"""

from __future__ import annotations

import sys

if __name__ == "__main__" and sys.argv[1:] == ["--production-samples"]:
    # Only the Drift tab's production samples (scripts/production_samples.py): the standard
    # library suffices, and the trained models are left alone. The script's folder is on sys.path.
    from production_samples import main as production_samples_main

    production_samples_main()
    raise SystemExit(0)

import csv
import hashlib
import io
import json
import os
import platform
import random
import shutil
import uuid

import numpy as np
import onnx
import sklearn
import torch
import yaml
from onnx import TensorProto, helper, numpy_helper
from sklearn.datasets import load_digits, load_iris, load_wine
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

from production_samples import write_production_sample

SCRIPT_VERSION = "1.0"
PRODUCER = "onnx-playground-examples"
SEED = 42
OPSET = 17
ML_OPSET = 3
MODEL_VERSION = "1.0.0"
TRAINING_DATE = "2026-11-01T10:00:00Z"
MLFLOW_VERSION = "2.16.2"
MLFLOW_TIME = "2026-11-01 10:00:00.000000"

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "public", "examples")

DEPS_SKLEARN = {
    "numpy": np.__version__,
    "onnx": onnx.__version__,
    "scikit-learn": sklearn.__version__,
}
DEPS_TORCH = {**DEPS_SKLEARN, "torch": torch.__version__}


# ---------------------------------------------------------------- helpers


def seed_everything() -> None:
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)


def write_text(path: str, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def write_json(path: str, obj, indent: int | None = 2) -> None:
    text = json.dumps(obj, indent=indent, ensure_ascii=False)
    write_text(path, text + "\n")


def sha256_of(arr: np.ndarray) -> str:
    return hashlib.sha256(np.ascontiguousarray(arr, dtype=np.float64).tobytes()).hexdigest()


def metrics(y_true, y_pred) -> dict:
    return {
        "accuracy": round(float(accuracy_score(y_true, y_pred)), 4),
        "f1_macro": round(float(f1_score(y_true, y_pred, average="macro")), 4),
    }


def fnum(x) -> float | int:
    """A float as stored in sklearn's data, plain decimal that round-trips."""
    return float(x)


def write_test_csv(path: str, feature_names, X, y) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(list(feature_names) + ["target"])
        for row, t in zip(X, y):
            w.writerow([repr(float(v)) for v in row] + [str(int(t))])


def write_requirements(path: str, deps: dict, extra_first: dict | None = None) -> None:
    lines = []
    for name, ver in (extra_first or {}).items():
        lines.append(f"{name}=={ver}")
    for name in sorted(deps):
        lines.append(f"{name}=={deps[name]}")
    write_text(path, "\n".join(lines) + "\n")


def input_schema(feature_names, X_train, descriptions, fixed_range=None) -> dict:
    props = {}
    for i, name in enumerate(feature_names):
        if fixed_range is not None:
            lo, hi = fixed_range
        else:
            lo, hi = float(X_train[:, i].min()), float(X_train[:, i].max())
        props[name] = {
            "type": "number",
            "minimum": lo,
            "maximum": hi,
            "description": descriptions[i],
        }
    return {"type": "object", "properties": props, "required": list(feature_names)}


def build_metadata(*, name, model_class, feature_names, target_classes, X_train,
                   X_test, perf, deps, descriptions, fixed_range=None, extra=None) -> dict:
    md = {
        "model_name": name,
        "model_version": MODEL_VERSION,
        "model_class": model_class,
        "training_date": TRAINING_DATE,
        "training_data_hash": sha256_of(X_train),
        "n_training_samples": int(X_train.shape[0]),
        "n_test_samples": int(X_test.shape[0]),
        "feature_names": list(feature_names),
        "feature_types": {f: "float64" for f in feature_names},
        "target_column": "target",
        "target_classes": list(target_classes),
        "performance_metrics": perf,
        "dependencies": dict(sorted(deps.items())),
        "python_version": platform.python_version(),
        "input_schema": input_schema(feature_names, X_train, descriptions, fixed_range),
    }
    if extra:
        md.update(extra)
    return md


def annotate(model: onnx.ModelProto, *, name, model_class, feature_names, target_classes,
             doc, producer=None) -> onnx.ModelProto:
    if producer is not None:
        model.producer_name, model.producer_version = producer
    model.model_version = 1
    model.doc_string = doc
    del model.metadata_props[:]
    props = {
        "model_name": name,
        "model_version": MODEL_VERSION,
        "model_class": model_class,
        "target_classes": json.dumps(list(target_classes)),
        "feature_names": json.dumps(list(feature_names)),
    }
    for k, v in props.items():
        e = model.metadata_props.add()
        e.key, e.value = k, v
    onnx.checker.check_model(model)
    return model


def save_onnx(model: onnx.ModelProto, path: str) -> None:
    with open(path, "wb") as f:
        f.write(model.SerializeToString())


def torch_export(module: torch.nn.Module, dummy: torch.Tensor, in_name: str,
                 out_name: str | list[str]) -> onnx.ModelProto:
    """Export with a dynamic batch axis; out_name is one name or a list (a tuple output)."""
    out_names = [out_name] if isinstance(out_name, str) else list(out_name)
    module.eval()
    buf = io.BytesIO()
    torch.onnx.export(
        module,
        dummy,
        buf,
        input_names=[in_name],
        output_names=out_names,
        dynamic_axes={in_name: {0: "batch"}, **{o: {0: "batch"} for o in out_names}},
        opset_version=OPSET,
        do_constant_folding=True,
    )
    return onnx.load_from_string(buf.getvalue())


def train_torch(model, X, y, *, epochs, batch_size, lr, weight_decay=0.0):
    """Deterministic Adam training on CPU (fixed generator for shuffling)."""
    Xt = torch.from_numpy(np.asarray(X, dtype=np.float32))
    yt = torch.from_numpy(np.asarray(y, dtype=np.int64))
    gen = torch.Generator().manual_seed(SEED)
    opt = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=weight_decay)
    loss_fn = torch.nn.CrossEntropyLoss()
    n = Xt.shape[0]
    model.train()
    for _ in range(epochs):
        perm = torch.randperm(n, generator=gen)
        for i in range(0, n, batch_size):
            idx = perm[i:i + batch_size]
            opt.zero_grad()
            loss = loss_fn(model.logits(Xt[idx]), yt[idx])
            loss.backward()
            opt.step()
    model.eval()
    return model


def assert_same_file(path: str, other: str) -> None:
    """Packages meant to be compared on one evaluation set must ship the same bytes."""
    with open(path, "rb") as a, open(other, "rb") as b:
        assert a.read() == b.read(), f"{path} differs from {other}"


def split_form(feature_names, row) -> dict:
    return {"columns": list(feature_names), "data": [[fnum(v) for v in row]]}


# ---------------------------------------------------------------- datasets


def iris_split():
    ds = load_iris()
    X_tr, X_te, y_tr, y_te = train_test_split(
        ds.data, ds.target, test_size=0.3, stratify=ds.target, random_state=SEED)
    return ds, X_tr, X_te, y_tr, y_te


IRIS_DESCRIPTIONS = [
    "Sepal length in centimetres",
    "Sepal width in centimetres",
    "Petal length in centimetres",
    "Petal width in centimetres",
]


def digits_split():
    ds = load_digits()
    X_tr, X_te, y_tr, y_te = train_test_split(
        ds.data, ds.target, test_size=0.25, stratify=ds.target, random_state=SEED)
    return ds, X_tr, X_te, y_tr, y_te


PIXEL_NAMES = [f"pixel_{i}" for i in range(64)]
PIXEL_DESCRIPTIONS = [
    f"Ink intensity (0 = blank, 16 = full) at row {i // 8}, column {i % 8} of the 8x8 image"
    for i in range(64)
]
DIGIT_CLASSES = [str(i) for i in range(10)]


# ---------------------------------------------------------------- 1. iris-pipeline


def make_iris_pipeline(outdir: str) -> None:
    seed_everything()
    ds, X_tr, X_te, y_tr, y_te = iris_split()
    names = list(ds.feature_names)
    classes = [str(c) for c in ds.target_names]

    scaler = StandardScaler().fit(X_tr)
    clf = LogisticRegression(multi_class="multinomial", max_iter=1000, random_state=SEED)
    clf.fit(scaler.transform(X_tr), y_tr)

    mean = scaler.mean_.astype(np.float32)
    scale = scaler.scale_.astype(np.float32)
    coef = clf.coef_.T.astype(np.float32)  # [4, 3]
    intercept = clf.intercept_.astype(np.float32)  # [3]

    inits = [
        numpy_helper.from_array(mean, "scaler_mean"),
        numpy_helper.from_array(scale, "scaler_scale"),
        numpy_helper.from_array(coef, "coef"),
        numpy_helper.from_array(intercept, "intercept"),
    ]
    nodes = [
        helper.make_node("Sub", ["float_input", "scaler_mean"], ["centered"], name="scaler_sub"),
        helper.make_node("Div", ["centered", "scaler_scale"], ["scaled"], name="scaler_div"),
        helper.make_node("MatMul", ["scaled", "coef"], ["linear"], name="logreg_matmul"),
        helper.make_node("Add", ["linear", "intercept"], ["logits"], name="logreg_add"),
        helper.make_node("Softmax", ["logits"], ["probabilities"], name="softmax", axis=1),
        helper.make_node("ArgMax", ["probabilities"], ["label"], name="argmax", axis=1, keepdims=0),
    ]
    graph = helper.make_graph(
        nodes, "iris_pipeline",
        [helper.make_tensor_value_info("float_input", TensorProto.FLOAT, ["batch", 4])],
        [
            helper.make_tensor_value_info("label", TensorProto.INT64, ["batch"]),
            helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["batch", 3]),
        ],
        inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)])
    model_class = "Pipeline(StandardScaler, LogisticRegression)"
    annotate(model, name="iris-pipeline", model_class=model_class, feature_names=names,
             target_classes=classes, producer=(PRODUCER, SCRIPT_VERSION),
             doc="Iris species from four raw flower measurements (cm). StandardScaler and "
                 "multinomial LogisticRegression exported as one graph; the scaling is inside.")

    # What the exported graph computes, in float32 (as onnxruntime does).
    z = ((X_te.astype(np.float32) - mean) / scale) @ coef + intercept
    pred = z.argmax(axis=1)
    sk_pred = clf.predict(scaler.transform(X_te))
    assert (pred == sk_pred).all(), "float32 graph disagrees with sklearn"
    perf = metrics(y_te, pred)

    save_onnx(model, os.path.join(outdir, "model.onnx"))
    md = build_metadata(name="iris-pipeline", model_class=model_class, feature_names=names,
                        target_classes=classes, X_train=X_tr, X_test=X_te, perf=perf,
                        deps=DEPS_SKLEARN, descriptions=IRIS_DESCRIPTIONS)
    write_json(os.path.join(outdir, "metadata.json"), md)
    write_test_csv(os.path.join(outdir, "test.csv"), names, X_te, y_te)
    write_json(os.path.join(outdir, "input_example.json"), split_form(names, X_te[0]))
    write_requirements(os.path.join(outdir, "requirements.txt"), DEPS_SKLEARN)
    print(f"iris-pipeline: {perf}")


# ---------------------------------------------------------------- 2. iris-trees


def float32_floor(threshold: float) -> float:
    """The largest float32 <= threshold.

    sklearn compares float32 inputs with float64 thresholds; onnxruntime's
    TreeEnsembleClassifier stores thresholds as float32. Rounding to nearest can
    move a threshold onto a data value (the midpoint of float32(4.7) and
    float32(4.9) rounds up to float32(4.8)), sending that value down the other
    branch. For a float32 x, x <= t  <=>  x <= float32_floor(t), exactly.
    """
    t32 = np.float32(threshold)
    if float(t32) > threshold:
        t32 = np.nextafter(t32, np.float32(-np.inf))
    return float(t32)


def emulate_tree_ensemble(attrs: dict, X: np.ndarray, n_trees: int, n_classes: int) -> np.ndarray:
    X32 = X.astype(np.float32)
    nodes = {}
    for i, (t, n) in enumerate(zip(attrs["nodes_treeids"], attrs["nodes_nodeids"])):
        nodes[(t, n)] = i
    leaf_weights = {}
    for t, n, c, w in zip(attrs["class_treeids"], attrs["class_nodeids"], attrs["class_ids"],
                          attrs["class_weights"]):
        leaf_weights.setdefault((t, n), np.zeros(n_classes, dtype=np.float32))[c] += np.float32(w)
    out = np.zeros((X.shape[0], n_classes), dtype=np.float32)
    for r, x in enumerate(X32):
        for t in range(n_trees):
            n = 0
            while attrs["nodes_modes"][nodes[(t, n)]] != "LEAF":
                i = nodes[(t, n)]
                go_true = x[attrs["nodes_featureids"][i]] <= np.float32(attrs["nodes_values"][i])
                n = attrs["nodes_truenodeids"][i] if go_true else attrs["nodes_falsenodeids"][i]
            out[r] += leaf_weights[(t, n)]
    return out


def make_iris_trees(outdir: str) -> None:
    seed_everything()
    ds, X_tr, X_te, y_tr, y_te = iris_split()
    names = list(ds.feature_names)
    classes = [str(c) for c in ds.target_names]
    n_classes = len(classes)

    n_trees = 10
    rf = RandomForestClassifier(n_estimators=n_trees, max_depth=4, random_state=SEED, n_jobs=1)
    rf.fit(X_tr, y_tr)

    attrs = {k: [] for k in (
        "nodes_treeids", "nodes_nodeids", "nodes_featureids", "nodes_values", "nodes_modes",
        "nodes_truenodeids", "nodes_falsenodeids", "nodes_missing_value_tracks_true",
        "nodes_hitrates", "class_treeids", "class_nodeids", "class_ids", "class_weights")}
    for t, est in enumerate(rf.estimators_):
        tree = est.tree_
        for node in range(tree.node_count):
            left, right = int(tree.children_left[node]), int(tree.children_right[node])
            leaf = left == -1
            attrs["nodes_treeids"].append(t)
            attrs["nodes_nodeids"].append(node)
            attrs["nodes_featureids"].append(0 if leaf else int(tree.feature[node]))
            attrs["nodes_values"].append(0.0 if leaf else float32_floor(tree.threshold[node]))
            attrs["nodes_modes"].append("LEAF" if leaf else "BRANCH_LEQ")
            attrs["nodes_truenodeids"].append(0 if leaf else left)
            attrs["nodes_falsenodeids"].append(0 if leaf else right)
            attrs["nodes_missing_value_tracks_true"].append(0)
            attrs["nodes_hitrates"].append(1.0)
            if leaf:
                counts = tree.value[node][0]
                frac = counts / counts.sum()  # what DecisionTreeClassifier.predict_proba returns
                for c in range(n_classes):
                    attrs["class_treeids"].append(t)
                    attrs["class_nodeids"].append(node)
                    attrs["class_ids"].append(c)
                    attrs["class_weights"].append(float(frac[c] / n_trees))

    node = helper.make_node(
        "TreeEnsembleClassifier", ["float_input"], ["label", "probabilities"],
        name="random_forest", domain="ai.onnx.ml",
        classlabels_int64s=list(range(n_classes)), post_transform="NONE", **attrs)
    graph = helper.make_graph(
        [node], "iris_random_forest",
        [helper.make_tensor_value_info("float_input", TensorProto.FLOAT, ["batch", 4])],
        [
            helper.make_tensor_value_info("label", TensorProto.INT64, ["batch"]),
            helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["batch", 3]),
        ],
    )
    model = helper.make_model(graph, opset_imports=[
        helper.make_opsetid("", OPSET), helper.make_opsetid("ai.onnx.ml", ML_OPSET)])
    model_class = "RandomForestClassifier"
    annotate(model, name="iris-trees", model_class=model_class, feature_names=names,
             target_classes=classes, producer=(PRODUCER, SCRIPT_VERSION),
             doc=f"Iris species from four raw flower measurements (cm). A {n_trees}-tree "
                 "RandomForestClassifier (max_depth 4) as an ai.onnx.ml TreeEnsembleClassifier; "
                 "probabilities are the mean of the trees' leaf class fractions, as in "
                 "sklearn's predict_proba.")

    # Walk the exported trees as onnxruntime does (float32 input <= float32 threshold)
    # and check that they give sklearn's predict_proba on every row.
    for X in (X_tr, X_te):
        assert np.allclose(emulate_tree_ensemble(attrs, X, n_trees, n_classes),
                           rf.predict_proba(X), atol=1e-6), "exported trees disagree with sklearn"
    pred = rf.predict_proba(X_te).argmax(axis=1)
    perf = metrics(y_te, pred)

    save_onnx(model, os.path.join(outdir, "model.onnx"))
    md = build_metadata(name="iris-trees", model_class=model_class, feature_names=names,
                        target_classes=classes, X_train=X_tr, X_test=X_te, perf=perf,
                        deps=DEPS_SKLEARN, descriptions=IRIS_DESCRIPTIONS,
                        extra={"hyperparameters": {"n_estimators": n_trees, "max_depth": 4,
                                                   "random_state": SEED}})
    write_json(os.path.join(outdir, "metadata.json"), md)
    write_test_csv(os.path.join(outdir, "test.csv"), names, X_te, y_te)
    write_json(os.path.join(outdir, "input_example.json"), split_form(names, X_te[0]))
    write_requirements(os.path.join(outdir, "requirements.txt"), DEPS_SKLEARN)
    print(f"iris-trees: {perf}")


# ---------------------------------------------------------------- 3. digits-cnn


class DigitsCNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.features = torch.nn.Sequential(
            torch.nn.Conv2d(1, 8, 3, padding=1), torch.nn.ReLU(),
            torch.nn.Conv2d(8, 16, 3, padding=1), torch.nn.ReLU(),
            torch.nn.MaxPool2d(2),
        )
        self.head = torch.nn.Sequential(
            torch.nn.Flatten(),
            torch.nn.Linear(16 * 4 * 4, 64), torch.nn.ReLU(),
            torch.nn.Linear(64, 10),
        )

    def logits(self, x):
        x = x.reshape(-1, 1, 8, 8) if x.dim() == 2 else x
        return self.head(self.features(x / 16.0))

    def forward(self, x):  # x: raw pixels 0..16, [batch, 1, 8, 8]
        return self.head(self.features(x / 16.0))


def make_digits_cnn(outdir: str) -> None:
    seed_everything()
    _, X_tr, X_te, y_tr, y_te = digits_split()
    model = DigitsCNN()
    train_torch(model, X_tr, y_tr, epochs=30, batch_size=64, lr=2e-3)
    with torch.no_grad():
        logits = model(torch.from_numpy(X_te.astype(np.float32)).reshape(-1, 1, 8, 8))
    pred = logits.argmax(dim=1).numpy()
    perf = metrics(y_te, pred)

    onx = torch_export(model, torch.zeros(1, 1, 8, 8), "pixels", "logits")
    model_class = "DigitsCNN (torch: Conv2d 1-8, Conv2d 8-16, MaxPool2d, Linear 256-64-10)"
    annotate(onx, name="digits-cnn", model_class=model_class, feature_names=PIXEL_NAMES,
             target_classes=DIGIT_CLASSES,
             doc="Handwritten digit (0-9) from an 8x8 image with raw pixel values 0..16, "
                 "shape [batch, 1, 8, 8]; the division by 16 is inside the graph. "
                 "Outputs unnormalised logits.")
    save_onnx(onx, os.path.join(outdir, "model.onnx"))
    md = build_metadata(name="digits-cnn", model_class=model_class, feature_names=PIXEL_NAMES,
                        target_classes=DIGIT_CLASSES, X_train=X_tr, X_test=X_te, perf=perf,
                        deps=DEPS_TORCH, descriptions=PIXEL_DESCRIPTIONS, fixed_range=(0, 16),
                        extra={"hyperparameters": {"epochs": 30, "batch_size": 64,
                                                   "optimizer": "Adam", "learning_rate": 2e-3,
                                                   "seed": SEED}})
    write_json(os.path.join(outdir, "metadata.json"), md)
    write_test_csv(os.path.join(outdir, "test.csv"), PIXEL_NAMES, X_te, y_te)
    # MLflow tensor form, one image [1, 1, 8, 8]; one pixel row per line.
    rows = ",\n".join("      " + json.dumps([fnum(v) for v in r]) for r in X_te[0].reshape(8, 8))
    write_text(os.path.join(outdir, "input_example.json"),
               '{"inputs": {"pixels": [[[\n' + rows + "\n]]]}}\n")
    write_requirements(os.path.join(outdir, "requirements.txt"), DEPS_TORCH)
    print(f"digits-cnn: {perf}")


# ---------------------------------------------------------------- 4. wine-mlflow


class WineMLP(torch.nn.Module):
    def __init__(self, mean, scale):
        super().__init__()
        self.register_buffer("scaler_mean", torch.from_numpy(mean.astype(np.float32)))
        self.register_buffer("scaler_scale", torch.from_numpy(scale.astype(np.float32)))
        self.net = torch.nn.Sequential(
            torch.nn.Linear(13, 32), torch.nn.ReLU(), torch.nn.Linear(32, 3))

    def logits(self, x):
        return self.net((x - self.scaler_mean) / self.scaler_scale)

    def forward(self, x):  # x: raw wine measurements, [batch, 13]
        return torch.softmax(self.logits(x), dim=1)


def mlflow_hex(tag: str) -> str:
    return uuid.UUID(int=random.Random(f"{SEED}:{tag}").getrandbits(128), version=4).hex


def make_wine_mlflow(outdir: str) -> None:
    seed_everything()
    ds = load_wine()
    X_tr, X_te, y_tr, y_te = train_test_split(
        ds.data, ds.target, test_size=0.3, stratify=ds.target, random_state=SEED)
    names = list(ds.feature_names)
    classes = [str(c) for c in ds.target_names]
    scaler = StandardScaler().fit(X_tr)
    model = WineMLP(scaler.mean_, scaler.scale_)
    train_torch(model, X_tr, y_tr, epochs=100, batch_size=16, lr=5e-3, weight_decay=1e-4)
    with torch.no_grad():
        proba = model(torch.from_numpy(X_te.astype(np.float32)))
    pred = proba.argmax(dim=1).numpy()
    perf = metrics(y_te, pred)

    onx = torch_export(model, torch.zeros(1, 13), "input", "probabilities")
    model_class = "Pipeline(StandardScaler, torch MLP 13-32-3 with softmax)"
    annotate(onx, name="wine-mlflow", model_class=model_class, feature_names=names,
             target_classes=classes,
             doc="Wine cultivar (class_0..class_2) from 13 raw chemical measurements. "
                 "StandardScaler and a 13-32-3 MLP with softmax in one graph.")
    onnx_path = os.path.join(outdir, "model.onnx")
    save_onnx(onx, onnx_path)

    example = split_form(names, X_te[0])
    write_json(os.path.join(outdir, "input_example.json"), example, indent=None)
    write_json(os.path.join(outdir, "serving_input_example.json"), {"dataframe_split": example})

    # MLflow measures the directory before it writes MLmodel and the env files.
    size = sum(os.path.getsize(os.path.join(outdir, f))
               for f in ("model.onnx", "input_example.json", "serving_input_example.json"))
    py = platform.python_version()
    mlmodel = {
        "artifact_path": "model",
        "flavors": {
            "onnx": {
                "code": None,
                "data": "model.onnx",
                "onnx_version": onnx.__version__,
                "providers": ["CPUExecutionProvider"],
            },
            "python_function": {
                "data": "model.onnx",
                "env": {"conda": "conda.yaml", "virtualenv": "python_env.yaml"},
                "loader_module": "mlflow.onnx",
                "python_version": py,
            },
        },
        "mlflow_version": MLFLOW_VERSION,
        "model_size_bytes": size,
        "model_uuid": mlflow_hex("model_uuid"),
        "run_id": mlflow_hex("run_id"),
        "saved_input_example_info": {
            "artifact_path": "input_example.json",
            "pandas_orient": "split",
            "serving_input_path": "serving_input_example.json",
            "type": "dataframe",
        },
        "signature": {
            "inputs": json.dumps([{"type": "float", "name": n, "required": True} for n in names]),
            "outputs": json.dumps([{"type": "tensor", "tensor-spec": {
                "dtype": "float32", "shape": [-1, 3]}, "name": "probabilities"}]),
            "params": None,
        },
        "utc_time_created": MLFLOW_TIME,
    }
    # Same call MLflow uses (Model.to_yaml): block style, sorted keys, long
    # signature strings folded at 80 columns.
    write_text(os.path.join(outdir, "MLmodel"), yaml.safe_dump(mlmodel, default_flow_style=False))

    pip_reqs = {"mlflow": MLFLOW_VERSION, **DEPS_TORCH}
    req_lines = [f"{k}=={v}" for k, v in sorted(pip_reqs.items())]
    write_text(os.path.join(outdir, "requirements.txt"), "\n".join(req_lines) + "\n")
    conda = {
        "channels": ["conda-forge"],
        "dependencies": [f"python={py}", "pip<=23.0.1", {"pip": req_lines}],
        "name": "mlflow-env",
    }
    write_text(os.path.join(outdir, "conda.yaml"), yaml.safe_dump(conda, default_flow_style=False))
    python_env = {
        "python": py,
        "build_dependencies": ["pip==23.0.1", "setuptools==66.1.1", "wheel==0.38.4"],
        "dependencies": ["-r requirements.txt"],
    }
    write_text(os.path.join(outdir, "python_env.yaml"),
               yaml.safe_dump(python_env, default_flow_style=False, sort_keys=False))

    descriptions = [f"{n.replace('_', ' ')} (training range {X_tr[:, i].min():g} to "
                    f"{X_tr[:, i].max():g})" for i, n in enumerate(names)]
    md = build_metadata(name="wine-mlflow", model_class=model_class, feature_names=names,
                        target_classes=classes, X_train=X_tr, X_test=X_te, perf=perf,
                        deps=DEPS_TORCH, descriptions=descriptions,
                        extra={"model_file": "model.onnx",
                               "hyperparameters": {"epochs": 100, "batch_size": 16,
                                                   "optimizer": "Adam", "learning_rate": 5e-3,
                                                   "weight_decay": 1e-4, "seed": SEED}})
    write_json(os.path.join(outdir, "metadata.json"), md)
    write_test_csv(os.path.join(outdir, "test.csv"), names, X_te, y_te)
    print(f"wine-mlflow: {perf}")


# ---------------------------------------------------------------- 5. mlp-large


class LargeMLP(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.net = torch.nn.Sequential(
            torch.nn.Linear(64, 2048), torch.nn.ReLU(),
            torch.nn.Linear(2048, 2048), torch.nn.ReLU(),
            torch.nn.Linear(2048, 1024), torch.nn.ReLU(),
            torch.nn.Linear(1024, 10),
        )

    def logits(self, x):
        return self.net(x / 16.0)

    def forward(self, x):  # x: raw pixels 0..16, [batch, 64]
        return self.net(x / 16.0)


MLP_LARGE_MODEL_CLASS = "LargeMLP (torch: Linear 64-2048-2048-1024-10, ReLU)"
MLP_LARGE_HYPERPARAMETERS = {"epochs": 5, "batch_size": 64, "optimizer": "Adam",
                             "learning_rate": 1e-4, "seed": SEED}


def make_mlp_large(outdir: str) -> None:
    seed_everything()
    _, X_tr, X_te, y_tr, y_te = digits_split()
    model = LargeMLP()
    hp = MLP_LARGE_HYPERPARAMETERS
    train_torch(model, X_tr, y_tr, epochs=hp["epochs"], batch_size=hp["batch_size"],
                lr=hp["learning_rate"])
    with torch.no_grad():
        logits = model(torch.from_numpy(X_te.astype(np.float32)))
    pred = logits.argmax(dim=1).numpy()
    perf = metrics(y_te, pred)

    onx = torch_export(model, torch.zeros(1, 64), "pixels_flat", "logits")
    model_class = MLP_LARGE_MODEL_CLASS
    annotate(onx, name="mlp-large", model_class=model_class, feature_names=PIXEL_NAMES,
             target_classes=DIGIT_CLASSES,
             doc="Handwritten digit (0-9) from the 64 raw pixels (0..16) of an 8x8 image, "
                 "flattened row by row. A deliberately large MLP (~6.4M float32 weights) "
                 "for trying download, load and run times. Outputs logits.")
    save_onnx(onx, os.path.join(outdir, "model.onnx"))
    md = build_metadata(name="mlp-large", model_class=model_class, feature_names=PIXEL_NAMES,
                        target_classes=DIGIT_CLASSES, X_train=X_tr, X_test=X_te, perf=perf,
                        deps=DEPS_TORCH, descriptions=PIXEL_DESCRIPTIONS, fixed_range=(0, 16),
                        extra={"hyperparameters": dict(hp)})
    write_json(os.path.join(outdir, "metadata.json"), md)
    write_test_csv(os.path.join(outdir, "test.csv"), PIXEL_NAMES, X_te, y_te)
    write_json(os.path.join(outdir, "input_example.json"), split_form(PIXEL_NAMES, X_te[0]),
               indent=None)
    write_requirements(os.path.join(outdir, "requirements.txt"), DEPS_TORCH)
    print(f"mlp-large: {perf}")


# ---------------------------------------------------------------- 6. iris-mlp


class IrisMLP(torch.nn.Module):
    def __init__(self, mean, scale):
        super().__init__()
        self.register_buffer("scaler_mean", torch.from_numpy(mean.astype(np.float32)))
        self.register_buffer("scaler_scale", torch.from_numpy(scale.astype(np.float32)))
        self.net = torch.nn.Sequential(
            torch.nn.Linear(4, 64), torch.nn.ReLU(),
            torch.nn.Linear(64, 64), torch.nn.ReLU(),
            torch.nn.Linear(64, 3))

    def logits(self, x):
        return self.net((x - self.scaler_mean) / self.scaler_scale)

    def forward(self, x):  # x: raw flower measurements (cm), [batch, 4]
        probabilities = torch.softmax(self.logits(x), dim=1)
        return probabilities.argmax(dim=1), probabilities


IRIS_MLP_HYPERPARAMETERS = {"epochs": 150, "batch_size": 16, "optimizer": "Adam",
                            "learning_rate": 5e-3, "weight_decay": 1e-4, "seed": SEED}


def make_iris_mlp(outdir: str) -> None:
    seed_everything()
    ds, X_tr, X_te, y_tr, y_te = iris_split()
    names = list(ds.feature_names)
    classes = [str(c) for c in ds.target_names]
    scaler = StandardScaler().fit(X_tr)
    model = IrisMLP(scaler.mean_, scaler.scale_)
    hp = IRIS_MLP_HYPERPARAMETERS
    train_torch(model, X_tr, y_tr, epochs=hp["epochs"], batch_size=hp["batch_size"],
                lr=hp["learning_rate"], weight_decay=hp["weight_decay"])
    with torch.no_grad():
        label, _ = model(torch.from_numpy(X_te.astype(np.float32)))
    pred = label.numpy()
    perf = metrics(y_te, pred)

    onx = torch_export(model, torch.zeros(1, 4), "float_input", ["label", "probabilities"])
    model_class = "Pipeline(StandardScaler, torch MLP 4-64-64-3 with softmax)"
    annotate(onx, name="iris-mlp", model_class=model_class, feature_names=names,
             target_classes=classes,
             doc="Iris species from four raw flower measurements (cm). StandardScaler and a "
                 "4-64-64-3 ReLU MLP with softmax in one graph; label is the argmax of "
                 "probabilities. Same split as iris-pipeline and iris-trees.")
    save_onnx(onx, os.path.join(outdir, "model.onnx"))
    md = build_metadata(name="iris-mlp", model_class=model_class, feature_names=names,
                        target_classes=classes, X_train=X_tr, X_test=X_te, perf=perf,
                        deps=DEPS_TORCH, descriptions=IRIS_DESCRIPTIONS,
                        extra={"hyperparameters": dict(hp)})
    write_json(os.path.join(outdir, "metadata.json"), md)
    write_test_csv(os.path.join(outdir, "test.csv"), names, X_te, y_te)
    assert_same_file(os.path.join(outdir, "test.csv"), os.path.join(OUT, "iris-pipeline", "test.csv"))
    write_json(os.path.join(outdir, "input_example.json"), split_form(names, X_te[0]))
    write_requirements(os.path.join(outdir, "requirements.txt"), DEPS_TORCH)
    print(f"iris-mlp: {perf}")


# ---------------------------------------------------------------- 7./8. mlp-large, reduced precision
#
# Weight-only reduced precision: mlp-large's trained weights (read back from the
# model.onnx written above, not retrained) are stored in a smaller type and
# turned back into float32 by a node in front of each Gemm, so every
# multiply-add still runs in float32. Only storage (download, memory for the
# weights before the session expands them) shrinks; the accuracy cost is the
# rounding of the weights, measured on the same test.csv.

def mlp_large_weights() -> tuple[onnx.ModelProto, dict]:
    """mlp-large as exported in this run, and its initializers as numpy arrays."""
    src = onnx.load(os.path.join(OUT, "mlp-large", "model.onnx"))
    return src, {t.name: numpy_helper.to_array(t) for t in src.graph.initializer}


def fp16_storage(name: str, w: np.ndarray):
    """Store w as float16 (round to nearest even); Cast back to float32 under the old name."""
    w16 = w.astype(np.float16)
    assert np.isfinite(w16).all(), f"{name} overflows float16"
    inits = [numpy_helper.from_array(w16, f"{name}_fp16")]
    nodes = [helper.make_node("Cast", [f"{name}_fp16"], [name], name=f"{name}_cast",
                              to=TensorProto.FLOAT)]
    return inits, nodes, w16.astype(np.float32)


def int8_storage(name: str, w: np.ndarray):
    """Symmetric int8 with one float32 scale per output channel (row of a Gemm transB weight).

    scale[o] = max|w[o, :]| / 127, q = round(w / scale) in [-127, 127], zero point 0;
    DequantizeLinear(axis=0) gives back q * scale in float32 under the old name.
    """
    assert w.ndim == 2
    absmax = np.abs(w).max(axis=1).astype(np.float64)
    scale = np.where(absmax > 0, absmax / 127.0, 1.0).astype(np.float32)
    q = np.clip(np.rint(w.astype(np.float64) / scale.astype(np.float64)[:, None]), -127, 127)
    q = q.astype(np.int8)
    inits = [
        numpy_helper.from_array(q, f"{name}_int8"),
        numpy_helper.from_array(scale, f"{name}_scale"),
        numpy_helper.from_array(np.zeros_like(scale, dtype=np.int8), f"{name}_zero_point"),
    ]
    nodes = [helper.make_node("DequantizeLinear",
                              [f"{name}_int8", f"{name}_scale", f"{name}_zero_point"], [name],
                              name=f"{name}_dequantize", axis=0)]
    # What DequantizeLinear computes: float((int32)q - zp) * scale, one float32 rounding.
    return inits, nodes, q.astype(np.float32) * scale[:, None]


def make_mlp_large_variant(outdir: str, *, ex_id: str, kind: str) -> None:
    seed_everything()
    _, X_tr, X_te, y_tr, y_te = digits_split()
    src, weights = mlp_large_weights()

    inits, cast_nodes, effective = [], [], {}
    for name, w in weights.items():
        if kind == "float16":
            i, n, eff = fp16_storage(name, w)
        elif w.ndim == 2:  # int8: Gemm weights; biases (20 KB in all) stay float32
            i, n, eff = int8_storage(name, w)
        else:
            i, n, eff = [numpy_helper.from_array(w, name)], [], w
        inits += i
        cast_nodes += n
        effective[name] = eff
    graph = helper.make_graph(
        cast_nodes + list(src.graph.node), f"mlp_large_{kind}",
        list(src.graph.input), list(src.graph.output), inits)
    onx = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)])

    # The same network run in float32 with the weights the graph really multiplies
    # by, and with mlp-large's own weights: the difference is the cost of the storage.
    def logits_with(state: dict) -> np.ndarray:
        net = LargeMLP()
        net.load_state_dict({k: torch.from_numpy(np.array(v, dtype=np.float32))
                             for k, v in state.items()})
        net.eval()
        with torch.no_grad():
            return net(torch.from_numpy(X_te.astype(np.float32))).numpy()

    logits, logits_fp32 = logits_with(effective), logits_with(weights)
    pred, pred_fp32 = logits.argmax(axis=1), logits_fp32.argmax(axis=1)
    perf = metrics(y_te, pred)
    changed = int((pred != pred_fp32).sum())
    diff = np.abs(logits.astype(np.float64) - logits_fp32.astype(np.float64))

    if kind == "float16":
        stored = "weights and biases stored as float16, Cast to float32 in front of each Gemm"
        quantization = {"weights": "float16", "biases": "float16", "compute": "float32"}
    else:
        stored = ("weights stored as int8 (symmetric, per output channel, zero point 0), "
                  "DequantizeLinear to float32 in front of each Gemm; biases float32")
        quantization = {"weights": "int8 (symmetric, per-output-channel)",
                        "biases": "float32", "compute": "float32"}
    quantization.update({
        "method": "weight-only, post-training (mlp-large's trained weights, not retrained)",
        "source_model": "mlp-large",
        "source_performance_metrics": metrics(y_te, pred_fp32),
        "test_predictions_changed": changed,
        # 3 significant digits; reference-outputs.mjs re-measures these with onnxruntime.
        "test_logits_max_abs_diff": float(f"{diff.max():.3g}"),
        "test_logits_mean_abs_diff": float(f"{diff.mean():.3g}"),
    })
    model_class = f"{MLP_LARGE_MODEL_CLASS}; {stored}; compute float32"
    description = (f"mlp-large with weight-only {kind} storage: {stored}. Every multiply-add "
                   "runs in float32; only the stored weights are rounded. "
                   f"{changed} of {len(y_te)} test predictions differ from mlp-large.")
    annotate(onx, name=ex_id, model_class=model_class, feature_names=PIXEL_NAMES,
             target_classes=DIGIT_CLASSES, producer=(PRODUCER, SCRIPT_VERSION),
             doc="Handwritten digit (0-9) from the 64 raw pixels (0..16) of an 8x8 image, "
                 f"flattened row by row. {description} Outputs logits.")
    save_onnx(onx, os.path.join(outdir, "model.onnx"))
    md = build_metadata(name=ex_id, model_class=model_class, feature_names=PIXEL_NAMES,
                        target_classes=DIGIT_CLASSES, X_train=X_tr, X_test=X_te, perf=perf,
                        deps=DEPS_TORCH, descriptions=PIXEL_DESCRIPTIONS, fixed_range=(0, 16),
                        extra={"description": description, "quantization": quantization,
                               "hyperparameters": dict(MLP_LARGE_HYPERPARAMETERS)})
    write_json(os.path.join(outdir, "metadata.json"), md)
    write_test_csv(os.path.join(outdir, "test.csv"), PIXEL_NAMES, X_te, y_te)
    assert_same_file(os.path.join(outdir, "test.csv"), os.path.join(OUT, "mlp-large", "test.csv"))
    write_json(os.path.join(outdir, "input_example.json"), split_form(PIXEL_NAMES, X_te[0]),
               indent=None)
    write_requirements(os.path.join(outdir, "requirements.txt"), DEPS_TORCH)
    print(f"{ex_id}: {perf} (mlp-large {quantization['source_performance_metrics']}, "
          f"{changed} predictions changed)")


def make_mlp_large_fp16(outdir: str) -> None:
    make_mlp_large_variant(outdir, ex_id="mlp-large-fp16", kind="float16")


def make_mlp_large_int8(outdir: str) -> None:
    make_mlp_large_variant(outdir, ex_id="mlp-large-int8", kind="int8")


# ---------------------------------------------------------------- index

# (id, title, description, task, family, variantOf, maker). A family shares one
# input signature, feature_names, target_classes and test.csv, so its members
# can be compared like for like; variantOf names the model a variant was derived from.
EXAMPLES = [
    ("iris-pipeline", "Iris pipeline",
     "A scaler and a logistic regression exported as one ONNX graph: four flower "
     "measurements in, a species and its probabilities out.",
     "tabular classification", "iris", None, make_iris_pipeline),
    ("iris-trees", "Iris random forest",
     "A 10-tree random forest written with ONNX's ai.onnx.ml TreeEnsembleClassifier "
     "operator, trained on the same iris data.",
     "tabular classification", "iris", None, make_iris_trees),
    ("digits-cnn", "Handwritten digits CNN",
     "A small convolutional network that reads an 8x8 image of a handwritten digit "
     "(pixel values 0-16) and scores the ten digits.",
     "image classification", "digits", None, make_digits_cnn),
    ("wine-mlflow", "Wine (MLflow model)",
     "A scaler and a small neural network saved as an MLflow model directory, with its "
     "MLmodel file, signature and input example.",
     "tabular classification", "wine", None, make_wine_mlflow),
    ("mlp-large", "Large digits MLP",
     "A deliberately large (about 26 MB) fully connected network on the digits data, "
     "for seeing how loading and running time grow with model size.",
     "image classification", "digits-mlp", None, make_mlp_large),
    ("iris-mlp", "Iris neural network",
     "A scaler and a 4-64-64-3 neural network exported from PyTorch as one graph, "
     "trained and evaluated on the same iris rows as the other two iris models.",
     "tabular classification", "iris", None, make_iris_mlp),
    ("mlp-large-fp16", "Large digits MLP, float16 weights",
     "The large digits MLP with its weights stored as float16 (half the download) and "
     "cast back to float32 for computing; its accuracy cost is measured on the same test rows.",
     "image classification", "digits-mlp", "mlp-large", make_mlp_large_fp16),
    ("mlp-large-int8", "Large digits MLP, int8 weights",
     "The large digits MLP with its weights quantized to int8, one scale per output neuron "
     "(a quarter of the download), dequantized to float32 before each layer.",
     "image classification", "digits-mlp", "mlp-large", make_mlp_large_int8),
]


def main() -> None:
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    os.makedirs(OUT, exist_ok=True)
    index = []
    for ex_id, title, description, task, family, variant_of, make in EXAMPLES:
        outdir = os.path.join(OUT, ex_id)
        if os.path.isdir(outdir):
            shutil.rmtree(outdir)
        os.makedirs(outdir)
        make(outdir)
        write_production_sample(outdir, family)
        files = sorted(os.listdir(outdir))
        entry = {
            "id": ex_id,
            "title": title,
            "description": description,
            "task": task,
            "family": family,
        }
        if variant_of is not None:
            entry["variantOf"] = variant_of
        entry["files"] = files
        entry["bytes"] = sum(os.path.getsize(os.path.join(outdir, f)) for f in files)
        index.append(entry)
    write_json(os.path.join(OUT, "index.json"), {"examples": index})
    print(f"wrote {len(index)} examples to {os.path.relpath(OUT, ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
