// npm run bench:responsiveness: the built app scores a generated 100,000-row CSV in its Predict
// tab (iris-pipeline) in headless Chromium; prints its rows/s and the longest main-thread task
// while it scored, then, in the same page, the rows/s of calling the engine worker directly
// (the app's own built worker, through comlink) on the same chunks, with no CSV, no checks and
// no page updates: four passes in one new worker, the first cold (set beside the app's first file)
// and the median of the other three warm (set beside a second file the app scores in the same page). Before that, it downloads the scored rows as CSV and as JSON (built a slice at a
// time on the page, src/app/actions/batch-download.ts), printing the longest main-thread task while
// each was built, and scores a second file in the same page (the app's code warm). Targets: no task over 50 ms; at least half the direct rows/s. A benchmark, not a test.
// `--rows 1000000` is the size issue 14 measures. Last, a batch that cannot fit: the large MLP at
// batch 300,000 in the Run tab (refused before anything is made), and batch 20,000 of it, which fits
// (its random inputs made a slice at a time): the longest main-thread task of each.
// `--run-tab-only` measures just those. `--trace` records Chromium's trace while the app scores and
// downloads, and says of each task over 50 ms how much of it was the main thread's CPU time and how
// much garbage collection (a task far longer than its CPU time waited for a core: the scheduler).
// CPU time counts the main thread's own work; the part a task spent descheduled is wall minus CPU.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuilt, launchChromium, REPO_ROOT } from '../cli/bench.mjs';
import { downloadInPage, explainLongTasks, openIrisPredict, recordLongTasks, repeatRows, scoreInPage, traceLongTasks } from '../cli/scoring-probe.mjs';
import { refuseInPage, runBatchInPage } from '../cli/batch-refusal-probe.mjs';
import { serveStatic } from '../cli/static-server.mjs';
import { APP_CONTEXT } from '../cli/chromium-path.mjs';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '2' }, dist: { type: 'string' }, 'run-tab-only': { type: 'boolean', default: false }, trace: { type: 'boolean', default: false } } });
const rows = Number(values.rows);
const log = (line) => process.stderr.write(`${line}\n`);
const dist = ensureBuilt(values.dist, log);
const worker = readdirSync(join(dist, 'assets')).find((f) => /^wasm\.worker-.*\.js$/.test(f));
if (!worker) throw new Error(`No engine worker in ${dist}/assets: rebuild the app.`);
const irisTest = readFileSync(join(REPO_ROOT, 'public/examples/iris-pipeline/test.csv'), 'utf8');
const csv = repeatRows(irisTest, rows);
// A second file in the same page, one row shorter (so that its status line differs from the first's): the code warm.
const csvAgain = repeatRows(irisTest, rows - 1);
const server = await serveStatic(dist, { extra: { '/bench/comlink.mjs': join(REPO_ROOT, 'node_modules/comlink/dist/esm/comlink.mjs') } });
const browser = await launchChromium();

/**
 * The engine worker alone, in the page: the same ORT build and thread count, fed the same chunks as
 * float32 feeds, `passes` times over in one new worker. The first pass starts cold, as the app's
 * first file does; the later ones run warm, as its second file does.
 */
async function direct(page, chunkRows, threads, passes) {
  return page.evaluate(
    async ({ workerUrl, csv, chunkRows, threads, passes }) => {
      const { wrap, transfer } = await import('/bench/comlink.mjs');
      const api = wrap(new Worker(workerUrl, { type: 'module' }));
      await api.init({ threads, wasmPaths: new URL('/ort/', location.href).href });
      const modelBytes = await (await fetch('/examples/iris-pipeline/model.onnx')).arrayBuffer();
      const loaded = await api.load({ sessionId: 'direct', fileName: 'model.onnx', modelBytes: transfer(modelBytes, [modelBytes]), backend: 'wasm', format: 'onnx' });
      if (!loaded.ok) throw new Error(loaded.error.message);
      const cells = csv.trim().split('\n').slice(1).flatMap((line) => line.split(',').slice(0, 4).map(Number));
      const features = Float32Array.from(cells);
      const timed = [];
      for (let pass = 0; pass < passes; pass++) {
        let offset = 0;
        const started = performance.now();
        for (const n of chunkRows) {
          const data = features.slice(offset * 4, (offset + n) * 4);
          const result = await api.run('direct', transfer({ float_input: { dtype: 'float32', dims: [n, 4], data: data.buffer } }, [data.buffer]));
          if (!result.ok) throw new Error(result.error.message);
          offset += n;
        }
        timed.push({ rows: offset, ms: performance.now() - started });
      }
      return timed;
    },
    { workerUrl: `/assets/${worker}`, csv, chunkRows, threads, passes },
  );
}

/** The Run tab: the large MLP refusing batch 300,000, then running batch 20,000. */
async function runTab() {
  const context = await browser.newContext(APP_CONTEXT);
  const page = await context.newPage();
  await recordLongTasks(page);
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Open example Large digits MLP', exact: true }).click();
  await page.getByRole('button', { name: /^Run on/ }).waitFor({ timeout: 120_000 });
  await page.locator('section[aria-labelledby="run-title"]').getByRole('radio', { name: 'random' }).check();
  log('the Run tab refuses batch 300,000 of the large MLP…');
  const refused = await refuseInPage(page, 'batch', 300_000);
  log('the Run tab runs batch 20,000 of it…');
  const fitting = await runBatchInPage(page, 'batch', 20_000);
  await context.close();
  return { refused, fitting };
}

/** What Chromium's trace says each of the page's long tasks was: `87 ms (CPU 30, GC 12) at 1.20 s`. */
function tracedText(probe) {
  if (!probe.traced || probe.longTasks.length === 0) return '';
  const described = explainLongTasks(probe.longTasks, probe.started, probe.traced).map(({ durationMs, traced }) =>
    traced ? `${traced.wallMs.toFixed(0)} ms (CPU ${traced.cpuMs.toFixed(0)}, GC ${traced.gcMs.toFixed(0)}) at ${(traced.atMs / 1000).toFixed(2)} s` : `${durationMs.toFixed(0)} ms (not in the trace)`,
  );
  return `  traced: ${described.join('; ')}`;
}
const longestOf = (tasks) => (tasks.length === 0 ? '< 50' : Math.max(...tasks.map((t) => t.duration)).toFixed(0));
const results = [];
let runTabFigures;
try {
  if (values['run-tab-only']) values.rounds = '0';
  runTabFigures = await runTab();
  for (let round = 1; round <= Number(values.rounds); round++) {
    const { context, page } = await openIrisPredict(browser, server.url);
    const threads = Number(await page.getByRole('combobox', { name: 'WASM threads' }).inputValue().catch(() => '1'));
    log(`round ${round}: the app scores ${rows.toLocaleString('en-US')} rows…`);
    // Traced or not, the same figures; a trace adds what each long task was.
    const traced = (during) => (values.trace ? traceLongTasks(page, during) : during().then((result) => ({ result, tasks: null })));
    const { result: app, tasks: appTasks } = await traced(() => scoreInPage(page, `iris-${rows}.csv`, csv, rows, 600_000));
    app.traced = appTasks;
    const downloads = [];
    // The predictions as CSV and JSON, then every raw output as one document ("outputs").
    for (const [format, button] of [['CSV', 'Download predictions (CSV)'], ['JSON', 'Download predictions (JSON)'], ['outputs', 'Download outputs (JSON)']]) {
      log(`round ${round}: downloading the scored rows as ${format}…`);
      const { result: probe, tasks } = await traced(() => downloadInPage(page, button, 600_000));
      probe.traced = tasks;
      rmSync(probe.path, { force: true });
      downloads.push({ format, ...probe });
    }
    log(`round ${round}: the app scores a second file (${(rows - 1).toLocaleString('en-US')} rows) in the same page…`);
    const again = await scoreInPage(page, `iris-${rows - 1}.csv`, csvAgain, rows - 1, 600_000);
    log(`round ${round}: the engine alone, on the same ${app.chunkRows.length} chunks, four times over in a new worker…`);
    const [alone, ...warmPasses] = await direct(page, app.chunkRows, threads, 4);
    // Warm: the median of the three later passes, set beside the app's warm second file.
    const aloneWarm = [...warmPasses].sort((a, b) => a.ms - b.ms)[1];
    results.push({ app, again, alone, aloneWarm, threads, downloads });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const rate = (n, ms) => Math.round((n / ms) * 1000);
console.log(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} logical cores · Chromium ${browser.version()} headless`);
if (runTabFigures) {
  const { refused, fitting } = runTabFigures;
  console.log('\nRun tab, mlp-large, random inputs');
  console.log(`batch 300,000 (cannot fit): refused in ${refused.elapsedMs.toFixed(0)} ms (the click's own work ${refused.clickMs.toFixed(1)} ms); tasks > 50 ms from the click to 500 ms after: ${refused.longTasks.length}; longest: ${longestOf(refused.longTasks)} ms`);
  console.log(`  “${refused.text}”`);
  console.log(`batch 20,000 (fits): “${fitting.outputs}” ${(fitting.elapsedMs / 1000).toFixed(2)} s from the click; tasks > 50 ms meanwhile: ${fitting.longTasks.length}; longest: ${longestOf(fitting.longTasks)} ms`);
}
if (results.length === 0) process.exit(0);
console.log(`iris-pipeline, ${rows.toLocaleString('en-US')} rows of CSV (${(csv.length / 1e6).toFixed(1)} MB), WASM ${results[0]?.threads ?? 1} thread(s)\n`);
console.log('round  app rows/s  engine alone rows/s  app/alone  engine calls  tasks > 50 ms  longest task ms  a second file: rows/s  engine alone, warm: rows/s  app/alone');
for (const [i, { app, again, alone, aloneWarm }] of results.entries()) {
  const longest = Math.max(0, ...app.longTasks.map((t) => t.duration));
  console.log(
    [
      String(i + 1).padStart(5),
      rate(app.rows, app.elapsedMs).toLocaleString('en-US').padStart(10),
      rate(alone.rows, alone.ms).toLocaleString('en-US').padStart(19),
      (alone.ms / app.elapsedMs).toFixed(2).padStart(9),
      String(app.chunkRows.length).padStart(12),
      String(app.longTasks.length).padStart(13),
      (app.longTasks.length === 0 ? '< 50' : longest.toFixed(0)).padStart(15),
      rate(again.rows, again.elapsedMs).toLocaleString('en-US').padStart(21),
      rate(aloneWarm.rows, aloneWarm.ms).toLocaleString('en-US').padStart(26),
      (again.rows / again.elapsedMs / (aloneWarm.rows / aloneWarm.ms)).toFixed(2).padStart(9),
    ].join('  ') + tracedText(app),
  );
}
console.log(`\nDownloading the ${rows.toLocaleString('en-US')} scored rows (built on the page a slice at a time, then saved)`);
console.log('round  format       MB  seconds  tasks > 50 ms  longest task ms');
for (const [i, { downloads }] of results.entries()) {
  for (const d of downloads) {
    const longest = Math.max(0, ...d.longTasks.map((t) => t.duration));
    console.log(
      [
        String(i + 1).padStart(5),
        d.format.padEnd(7),
        (d.bytes / 1e6).toFixed(1).padStart(6),
        (d.elapsedMs / 1000).toFixed(2).padStart(7),
        String(d.longTasks.length).padStart(13),
        (d.longTasks.length === 0 ? '< 50' : longest.toFixed(0)).padStart(15),
      ].join('  ') + tracedText(d),
    );
  }
}
console.log('\nTargets: no main-thread task over 50 ms while scoring or downloading; the app at least half the engine-alone rows/s (app/alone ≥ 0.5).');
console.log('"A second file" is the app scoring another file in the same page: its code compiled and optimised by the first (the first file in a page runs cold code).');
console.log('The engine alone runs the same chunks four times in a new worker: its first pass (cold, like the app\'s first file) is set beside the first file, the median of the other three (warm) beside the second file.');
