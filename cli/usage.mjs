// The help text of `onnx-playground` (bench, predict, tune; check has its own, CHECK_USAGE).
import { SESSION_USAGE } from './session-args.mjs';

export const USAGE = `onnx-playground — measure an ONNX model in headless Chromium, with the playground's own engine

Usage:
  onnx-playground bench <model.onnx | model.ort | package.zip | folder> [options]
  onnx-playground predict <model.onnx | model.ort | package.zip | folder> --input FILE|DIR|NAME=FILE … [options]
  onnx-playground tune <model.onnx | model.ort | package.zip | folder> --budget-p99 MS [options]
  onnx-playground check <package folder | .zip | .tar.gz | .tgz> [options]   (see below)
  onnx-playground --help | --version

bench opens the model in the built app (dist/, built first if missing), served on
127.0.0.1 with cross-origin isolation, drives its Benchmark tab in headless Chromium
(Playwright), prints a table and, with --json, writes the same file as the app's
"Download JSON".

Options of bench:
  --backend LIST    backends to compare, comma-separated: wasm, webgpu (default: wasm)
  --threads LIST    WASM thread counts, comma-separated, each at most the browser's
                    navigator.hardwareConcurrency (default: 1)
  --batch LIST      batch sizes, comma-separated (default: the app's, 1,8,32,128 when the
                    model's batch dimension is symbolic; a model with a fixed batch size
                    accepts only that size)
  --warmup N        warm-up runs per point (default: 10)
  --runs N          timed runs per point (default: 100)
  --seconds S       instead of --runs: a time budget per point, in seconds
  --inputs KIND     example (the package's input_example.json repeated to the batch size)
                    or random (seeded); default: example when the package has one
  --json FILE       write the results as JSON (the app's benchmark format) to FILE
  --profile         also take each configuration apart (the app's "Also profile each
                    configuration"): adds to each result "profile" (time per operator
                    type of a warm run, from onnxruntime's profiler), "slowestNodes",
                    "placement" (WebGPU: nodes on the CPU, from onnxruntime's verbose
                    log) and "coldStart" {readMs, runtimeMs, sessionCreateMs,
                    firstRunMs, warmRunMs}
${SESSION_USAGE}

predict opens the model in the same built app and runs it through its Predict tab:
a .csv file (or a JSON table body, for a model with named features) goes through
"Score a file" (the app's batch scoring, column matching and metrics); tensor files
go to the tensor mode's "From files" drops, are read and checked against the model
by the app (which input, expected dtype/shape, what the file holds), and Predict is
pressed. It writes the app's "Download outputs (JSON)" document:
  {"outputs": {NAME: {"dims": [...], "dtype": "...", "data": [...]}},
   "rows": [...],      (a file's scoring only: the file row, from 1, of each output row)
   "metrics": {...}}   (metrics only when the file has the package's label column)
Values in "data": float32/float64/float16 as JSON numbers (float16 decoded from its
bits; NaN, Infinity and -Infinity as those strings); int64/uint64 as numbers when
|v| <= 2^53 - 1, else as strings of their exact digits; bool as true/false; strings
as strings. Rows the app does not score (missing or unreadable values) are left out
of the outputs (and of "rows") and counted in stderr's summary.

Options of predict:
  --input FILE      the data, repeatable:
                    .csv: a table, alone (a header row naming the features, any order;
                      the package's target column adds metrics);
                    .json: an MLflow body (dataframe_split or dataframe_records for a
                      model with named features; {"inputs": {NAME: [...]}},
                      {"inputs": [...]} or {"instances": [...]} for tensors) or this
                      app's {"inputs"|"outputs": {NAME: {"dims", "dtype", "data"}}};
                    .npy (one array), .npz (numpy.savez: entries named after inputs),
                    .pb (ONNX TensorProto, matched by its name, else input_K.pb by K).
                    Tensors are matched to inputs by name (the tensor's, else the
                    file's: input_ids.npy), else by position; symbolic sizes (batch,
                    sequence) come from the data.
  --input DIR       a test_data_set_N folder (input_K.pb; the first set of a model
                    folder), or a folder of tensor files: every input at once
  --input NAME=FILE the values of input NAME (replaces NAME's value in a set file);
                    repeat for each input: --input input_ids=ids.npy --input mask=m.npy
  --out FILE        write the outputs document to FILE (default: stdout)
  --backend NAME    wasm or webgpu (default: wasm)
  --threads N       WASM threads, at most the browser's navigator.hardwareConcurrency
                    (default: 1)

tune runs the Speed tab's "Find the fastest setup": backend × WASM threads × batch
size, then session options (graph optimisation level, the batch dimension fixed with
freeDimensionOverrides) on the leaders, one configuration at a time within the time
cap. It prints the recommendation and writes the app's "Download recommendation (JSON)".

Options of tune:
  --budget-p99 MS   the latency budget: p99 of one request (one batch), milliseconds
  --min-batch N     requests come in batches of at least N (default: 1)
  --cap S           stop the search after S seconds (default: 30)
  --backend LIST    wasm, or wasm,webgpu to include WebGPU (default: wasm)
  --json FILE       where to write the recommendation (default: MODEL-fastest-setup.json)

Options of all:
  --dist DIR        the built app to serve (default: dist/ beside this tool; built with
                    \`vite build\` when missing)
  --timeout S       give up after S seconds (default: 1800)
  --quiet           no progress lines on stderr
  -h, --help        this text
  -v, --version     the tool's version

Chromium: CHROME_PATH, else /usr/bin/chromium and other usual paths, else Playwright's own.
WebGPU runs on whatever adapter Chromium finds; headless Linux usually has only
SwiftShader, a software emulation: its figures say nothing about a real GPU.

Exit status: 0 when every configuration was measured (bench), the outputs were
written (predict) or a configuration meets the budget (tune), 1 when the model, a
configuration or the input failed (the app's message is printed) or nothing meets
the budget, 2 for a usage error.`;
