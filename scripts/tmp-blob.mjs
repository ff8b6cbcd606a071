import { launchChromium } from '../cli/bench.mjs';
const b = await launchChromium();
const p = await b.newPage();
await p.goto('about:blank');
console.log(await p.evaluate(async () => {
  const out = [];
  const w = new Worker(URL.createObjectURL(new Blob(['onmessage = (e) => postMessage(1)'], { type: 'text/javascript' })));
  const roundTrip = (m, t) => new Promise((r) => { w.onmessage = r; w.postMessage(m, t); });
  for (let rep = 0; rep < 2; rep++) for (const mb of [1, 4]) {
    const rows = []; for (let i = 0; i < mb * 10000; i++) rows.push(`{"a": ${i}, "b": "setosa", "p": [0.1, 0.2, 0.7]}`.padEnd(100, ' '));
    const s = rows.join(',\n');
    let t = performance.now(); const u = new TextEncoder().encode(s); const te = performance.now() - t;
    t = performance.now(); new Blob([u]); const tb = performance.now() - t;
    t = performance.now(); new Blob([s]); const ts = performance.now() - t;
    t = performance.now(); w.postMessage([s]); const tp = performance.now() - t;
    const u2 = u.slice();
    t = performance.now(); w.postMessage(u2, [u2.buffer]); const tt = performance.now() - t;
    out.push(`${(s.length/1e6).toFixed(1)} MB: encode ${te.toFixed(1)} · blob(bytes) ${tb.toFixed(1)} · blob(string) ${ts.toFixed(1)} · post(string) ${tp.toFixed(1)} · post(transfer) ${tt.toFixed(1)} ms`);
  }
  return out.join('\n');
}));
await b.close();
