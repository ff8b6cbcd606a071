// What the ONNX backend-test scripts share: onnxruntime-node behind the core's ModelRuntime,
// a test folder's files, and failure reasons grouped so that like failures count together.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createNodeRunner } from './ort-node-run.mjs';

const fail = (code, message) => ({ ok: false, error: { code, message, hint: '' } });
/** onnxruntime-node behind the core's ModelRuntime interface. */
export function nodeRuntime(ort) {
  return {
    async load(bytes) {
      try {
        const runner = await createNodeRunner(ort, bytes, { logSeverityLevel: 4 });
        return {
          ok: true,
          value: {
            async run(feeds) {
              try {
                return { ok: true, value: await runner.run(feeds) };
              } catch (thrown) {
                return fail('run-failed', String(thrown?.message ?? thrown));
              }
            },
            release: () => runner.release(),
          },
        };
      } catch (thrown) {
        return fail('session-failed', String(thrown?.message ?? thrown));
      }
    },
  };
}

export function filesOf(dir) {
  const out = [];
  const walk = (rel) => {
    for (const name of readdirSync(path.join(dir, rel))) {
      const p = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(dir, p)).isDirectory()) walk(p);
      else out.push({ path: p, bytes: new Uint8Array(readFileSync(path.join(dir, p))) });
    }
  };
  walk('');
  return out;
}

/** A reason without the test-specific parts, so that like failures group together. */
export function group(outcome, reason) {
  const r = reason
    .replace(/^\[ONNXRuntimeError\] : \d+ : \w+ : /, '')
    .replace(/Load model from .*? failed:/, '')
    .replace(/“[^”]*”/g, '“…”')
    .replace(/node [^ ]+ of type/i, 'node of type')
    .replace(/\(element \d+.*$/, '')
    .replace(/\d+ of \d+ outside the tolerance.*$/, 'values outside the tolerance')
    .replace(/Non-zero status code returned while running (\w+) node\. Name:'[^']*' Status Message: .*/, 'run failed in a $1 node')
    .trim();
  const kernel = /Could not find an implementation for (\w+)\(\d+\) node/.exec(r);
  if (kernel) return `${outcome}: no kernel for ${kernel[1]} (for this type or opset)`;
  return `${outcome}: ${r.slice(0, 140)}`;
}

