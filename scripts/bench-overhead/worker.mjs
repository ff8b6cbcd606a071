// The baseline of `npm run bench:overhead`: onnxruntime-web's own API and nothing else,
// in a module worker like the playground's engine. Same runtime files, same thread count,
// same inputs (the package example's rows repeated to the batch size).
import * as ort from '/bare/ort.wasm.min.mjs';

self.onmessage = async ({ data: { batchSizes, warmupRuns, runs } }) => {
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.wasmPaths = new URL('/ort/', self.location.origin).href;
  const bytes = new Uint8Array(await (await fetch('/bare/model.onnx')).arrayBuffer());
  const example = await (await fetch('/bare/input_example.json')).json();
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
  const rows = example.data.map((row) => Float32Array.from(row));
  const width = rows[0].length;
  const results = [];
  for (const batchSize of batchSizes) {
    const data = new Float32Array(batchSize * width);
    for (let r = 0; r < batchSize; r++) data.set(rows[r % rows.length], r * width);
    const feeds = { [session.inputNames[0]]: new ort.Tensor('float32', data, [batchSize, width]) };
    for (let i = 0; i < warmupRuns; i++) await session.run(feeds);
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const outputs = await session.run(feeds);
      for (const tensor of Object.values(outputs)) void tensor.data;
      samples.push(performance.now() - t0);
    }
    results.push({ batchSize, samples });
  }
  await session.release();
  self.postMessage(results);
};
