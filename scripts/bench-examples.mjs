// npm run bench:examples [-- ids…] / npm run bench:native: each bundled example measured by the
// playground (headless Chromium, WASM, through `onnx-playground bench`'s code path) and, in the
// same run, by onnxruntime-node on the CPU with the same loop, inputs and thread count.
// Prints p50 latency and the WASM/native ratio per batch size. A benchmark, not a test.
import { readFileSync } from 'node:fs';
import { cpus, platform, release } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runner } from './bench-support.mjs';
import { ensureBuilt, launchChromium, REPO_ROOT, runBench } from '../cli/bench.mjs';
import { serveStatic } from '../cli/static-server.mjs';

const ALL = JSON.parse(readFileSync(join(REPO_ROOT, 'public/examples/index.json'), 'utf8')).examples.map((e) => e.id);
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '200' }, warmup: { type: 'string', default: '20' }, threads: { type: 'string', default: '1' }, dist: { type: 'string' } },
});
const ids = positionals.length > 0 ? positionals : ALL;
const unknown = ids.filter((id) => !ALL.includes(id));
if (unknown.length > 0) {
  console.error(`Unknown example ${unknown.join(', ')}: choose from ${ALL.join(', ')}.`);
  process.exit(2);
}
const runs = Number(values.runs);
const warmup = Number(values.warmup);
const threads = Number(values.threads);
const log = (line) => process.stderr.write(`${line}\n`);

const { nativeBenchmark, close } = await runner('cli/native-baseline.ts');
const server = await serveStatic(ensureBuilt(values.dist, log));
const browser = await launchChromium();
const ms = (n) => Number(n.toPrecision(3)).toString();
const rows = [['example', 'batch', 'WASM p50 ms', 'native p50 ms', 'WASM/native', 'WASM samples/s', 'native samples/s']];
let header = null;
try {
  for (const id of ids) {
    log(`${id}: playground (Chromium, WASM ${threads} thread${threads === 1 ? '' : 's'})…`);
    const options = { model: join(REPO_ROOT, 'public/examples', id), backends: ['wasm'], threads: [threads], batch: null, warmup, runs, seconds: null, inputs: null, json: null, dist: null, timeoutMs: 1_800_000, quiet: true };
    const report = await runBench(options, log, { browser, url: server.url });
    header ??= report.environment;
    const wasm = report.results[0];
    log(`${id}: native (onnxruntime-node, ${threads} thread${threads === 1 ? '' : 's'})…`);
    const native = await nativeBenchmark(join(REPO_ROOT, 'public/examples', id), { ...report.settings, threads });
    header.ortNode = native.ortNodeVersion;
    for (const p of wasm.points) {
      const n = native.points.find((q) => q.batchSize === p.batchSize);
      rows.push([id, p.batchSize, ms(p.p50Ms), ms(n.p50Ms), `${(p.p50Ms / n.p50Ms).toFixed(2)}×`, Math.round(p.throughputPerSec).toLocaleString('en-US'), Math.round(n.throughputPerSec).toLocaleString('en-US')]);
    }
  }
} finally {
  await browser.close();
  await server.close();
  await close();
}

const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
console.log(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} logical cores, ${platform()} ${release()}, Node ${process.version}`);
console.log(`Browser: ${header.userAgent}`);
console.log(`onnxruntime-web ${header.ortVersion} (WASM, SIMD ${header.wasmSimd ? 'on' : 'off'}, ${threads} thread${threads === 1 ? '' : 's'}) vs onnxruntime-node ${header.ortNode} (CPU, ${threads} intra-op thread${threads === 1 ? '' : 's'})`);
console.log(`${warmup} warm-up runs, then ${runs} timed runs per point, same loop (src/engine/benchmark.ts) and same inputs on both sides.\n`);
for (const r of rows) console.log(r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  '));
