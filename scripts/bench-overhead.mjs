// npm run bench:overhead: is the playground's measurement honest? In one browser session,
// alternately, (a) the playground's Benchmark tab (via the CLI's code path) and (b) raw
// onnxruntime-web in a bare worker page time the same model with the same inputs; prints
// the ratio of p50s (target ≤ 1.05) at batch 1 and 64 on mlp-large. A benchmark, not a test.
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runner } from './bench-support.mjs';
import { ensureBuilt, launchChromium, REPO_ROOT, runBench } from '../cli/bench.mjs';
import { serveStatic } from '../cli/static-server.mjs';
import { APP_CONTEXT } from '../cli/chromium-path.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '300' }, warmup: { type: 'string', default: '30' }, rounds: { type: 'string', default: '2' }, model: { type: 'string', default: 'mlp-large' }, dist: { type: 'string' } } });
const runs = Number(values.runs);
const warmupRuns = Number(values.warmup);
const batchSizes = [1, 64];
const log = (line) => process.stderr.write(`${line}\n`);
const example = join(REPO_ROOT, 'public/examples', values.model);

const { summarizeLatency } = await runner('src/core/stats/summary.ts');
const server = await serveStatic(ensureBuilt(values.dist, log), {
  extra: {
    '/bare/': join(REPO_ROOT, 'scripts/bench-overhead/index.html'),
    '/bare/worker.mjs': join(REPO_ROOT, 'scripts/bench-overhead/worker.mjs'),
    '/bare/ort.wasm.min.mjs': join(REPO_ROOT, 'node_modules/onnxruntime-web/dist/ort.wasm.min.mjs'),
    '/bare/model.onnx': join(example, 'model.onnx'),
    '/bare/input_example.json': join(example, 'input_example.json'),
  },
});
const browser = await launchChromium();
const rounds = [];
try {
  for (let round = 1; round <= Number(values.rounds); round++) {
    log(`round ${round}: playground…`);
    const report = await runBench(
      { model: example, backends: ['wasm'], threads: [1], batch: batchSizes, warmup: warmupRuns, runs, seconds: null, inputs: 'example', json: null, dist: null, timeoutMs: 1_800_000, quiet: true },
      log,
      { browser, url: server.url },
    );
    log(`round ${round}: bare onnxruntime-web…`);
    const context = await browser.newContext(APP_CONTEXT);
    const page = await context.newPage();
    await page.goto(`${server.url}bare/`);
    const bare = await page.evaluate(
      (job) =>
        new Promise((resolve, reject) => {
          const worker = new Worker('/bare/worker.mjs', { type: 'module' });
          worker.onmessage = (e) => resolve(e.data);
          worker.onerror = (e) => reject(new Error(e.message));
          worker.postMessage(job);
        }),
      { batchSizes, warmupRuns, runs },
    );
    await context.close();
    rounds.push(
      batchSizes.map((batchSize) => ({
        batchSize,
        playground: report.results[0].points.find((p) => p.batchSize === batchSize).p50Ms,
        bare: summarizeLatency(bare.find((b) => b.batchSize === batchSize).samples).p50Ms,
      })),
    );
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} logical cores · Chromium ${browser.version()} headless · WASM 1 thread`);
console.log(`${values.model}: ${warmupRuns} warm-up runs, then ${runs} timed runs per point, the package example repeated to the batch size; p50 in ms\n`);
console.log('round  batch  playground p50  bare ort-web p50  ratio');
for (const [i, points] of rounds.entries()) {
  for (const p of points) console.log(`${String(i + 1).padStart(5)}  ${String(p.batchSize).padStart(5)}  ${p.playground.toFixed(4).padStart(14)}  ${p.bare.toFixed(4).padStart(16)}  ${(p.playground / p.bare).toFixed(3).padStart(5)}`);
}
for (const batchSize of batchSizes) {
  const ratios = rounds.map((points) => points.find((p) => p.batchSize === batchSize)).map((p) => p.playground / p.bare).sort((a, b) => a - b);
  const median = ratios[Math.floor((ratios.length - 1) / 2)];
  console.log(`batch ${batchSize}: playground/bare p50 ratio ${median.toFixed(3)} (lower median of ${ratios.length} rounds; target ≤ 1.05)`);
}
