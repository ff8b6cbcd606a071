// npm run profile:long-tasks: what the page was doing in each main-thread task over 50 ms while it
// scored a large CSV (iris-pipeline, --rows, default 1,000,000) in its Predict tab. Builds an
// unminified copy of the app (so that functions keep their names) into a temporary folder, takes
// a CPU profile of each round, lines the profile's clock up with the page's (a marker function
// that runs for 8 ms at a known performance.now()), and prints, per long task the page reported,
// the functions its samples were in (self and inclusive). A diagnostic, not a benchmark: the
// profiler slows the page, so the figures are larger than bench:responsiveness prints.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium, REPO_ROOT } from '../cli/bench.mjs';
import { openIrisPredict, repeatRows, scoreInPage } from '../cli/scoring-probe.mjs';
import { serveStatic } from '../cli/static-server.mjs';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, rounds: { type: 'string', default: '3' } } });
const rows = Number(values.rows);
const dist = mkdtempSync(join(tmpdir(), 'playground-unminified-'));
const vite = join(dirname(createRequire(join(REPO_ROOT, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js');
process.stderr.write(`Building an unminified copy of the app into ${dist}…\n`);
const built = spawnSync(process.execPath, [vite, 'build', '--minify', 'false', '--outDir', dist, '--emptyOutDir'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
if (built.status !== 0) throw new Error('Building the app failed (see above).');
const csv = repeatRows(readFileSync(join(REPO_ROOT, 'public/examples/iris-pipeline/test.csv'), 'utf8'), rows);
const server = await serveStatic(dist);
const browser = await launchChromium();

/** `name file:line` of a profile node. */
const frameOf = (node) => `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber + 1}`;
const top = (counts, n) => [...counts].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, c]) => `${k} ${c}`).join(' | ');

try {
  for (let round = 1; round <= Number(values.rounds); round++) {
    const { context, page } = await openIrisPredict(browser, server.url);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
    const markerAt = await page.evaluate(() => {
      const at = performance.now();
      (function clockMarker() {
        const end = performance.now() + 8;
        while (performance.now() < end);
      })();
      return at;
    });
    const app = await scoreInPage(page, `iris-${rows}.csv`, csv, rows, 600_000);
    const { profile } = await cdp.send('Profiler.stop');
    await context.close();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parentOf = new Map(profile.nodes.flatMap((n) => (n.children ?? []).map((c) => [c, n.id])));
    const stack = (id) => {
      const frames = [];
      for (let cur = id; cur !== undefined; cur = parentOf.get(cur)) frames.push(byId.get(cur));
      return frames;
    };
    let clock = profile.startTime;
    const times = profile.timeDeltas.map((d) => (clock += d));
    const first = profile.samples.findIndex((id) => stack(id).some((f) => f.callFrame.functionName === 'clockMarker'));
    // Profile µs = (page ms + offset) × 1000.
    const offset = times[first] / 1000 - markerAt;
    console.log(`round ${round}: ${rows.toLocaleString('en-US')} rows in ${app.elapsedMs.toFixed(0)} ms (profiled); tasks over 50 ms: ${app.longTasks.map((t) => t.duration.toFixed(0)).join(', ') || 'none'}`);
    for (const task of app.longTasks) {
      const from = (task.start + offset) * 1000;
      const to = (task.start + task.duration + offset) * 1000;
      const self = new Map();
      const inclusive = new Map();
      let samples = 0;
      times.forEach((at, i) => {
        if (at < from || at > to) return;
        samples++;
        const frames = stack(profile.samples[i]);
        self.set(frameOf(frames[0]), (self.get(frameOf(frames[0])) ?? 0) + 1);
        for (const name of new Set(frames.map(frameOf))) inclusive.set(name, (inclusive.get(name) ?? 0) + 1);
      });
      console.log(`  ${task.duration.toFixed(0)} ms task, ${(task.start - app.started).toFixed(0)} ms after the file was handed over, ${samples} samples`);
      console.log(`    self: ${top(self, 8)}`);
      console.log(`    inclusive: ${top(inclusive, 14)}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dist, { recursive: true, force: true });
}
