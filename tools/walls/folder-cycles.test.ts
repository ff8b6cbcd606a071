import { describe, expect, it } from 'vitest';
import { cyclesOf, folderGraph, folderOf, importsOf, readSources } from './folder-cycles';

const ROOT = new URL('../..', import.meta.url).pathname;
/** The rooms and the top-level folders: src/app, src/core, src/engine, cli, scripts, e2e, build, tools. */
const topUnit = (path: string): string => folderOf(path, path.startsWith('src/') ? 2 : 1);
const coreUnit = (path: string): string | null => (path.startsWith('src/core/') && path.split('/').length > 3 ? folderOf(path, 3) : null);

describe('folder import cycles', () => {
  it('finds a planted cycle between cli and scripts, and the imports that close it', () => {
    const planted = new Map([
      ['cli/bench.mjs', "import { findChromium } from '../scripts/chromium-path.mjs';\n"],
      ['scripts/bench-examples.mjs', "import { runBench } from '../cli/bench.mjs';\nconst m = await import('./x.mjs');\n"],
      ['src/core/protocol/engine-api.ts', "import type { OnnxSummary } from '../package/onnx-summary';\n"],
      ['src/core/package/onnx-summary.ts', "export type { OnnxSummary } from '../protocol/model-description';\n"],
    ]);
    expect(importsOf('scripts/bench-examples.mjs', planted.get('scripts/bench-examples.mjs')!)).toEqual(['cli/bench.mjs', 'scripts/x.mjs']);
    expect(cyclesOf(folderGraph(planted, topUnit))).toEqual([['cli', 'scripts']]);
    expect(cyclesOf(folderGraph(planted, coreUnit))).toEqual([['src/core/package', 'src/core/protocol']]);
  });

  it('finds none between the top-level folders and rooms of this repository', () => {
    const sources = readSources(ROOT, ['src', 'cli', 'scripts', 'e2e', 'tools']);
    expect(sources.size).toBeGreaterThan(200);
    expect(cyclesOf(folderGraph(sources, topUnit))).toEqual([]);
  });

  it('finds, inside core, no cycle through core/protocol, and no cycle but the two known ones', () => {
    const cycles = cyclesOf(folderGraph(readSources(ROOT, ['src/core']), coreUnit));
    expect(cycles.filter((c) => c.includes('src/core/protocol'))).toEqual([]);
    // Known, and not to grow: findings.ts checks the input example with schema/input-example;
    // the Predict form's tensor input (schema/tensor-input) reads files with core/tensors, which
    // unpacks .npz with package/zip; benchmark reports embed the Speed tab's profile fields.
    expect(cycles).toEqual([
      ['src/core/benchmark', 'src/core/profile'],
      ['src/core/package', 'src/core/schema', 'src/core/tensors'],
    ]);
  });
});
