import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The project's own eslint.config.js, run on small sources that are never written to disk.
const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function walls(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'walls/imports' || m.fatal).map((m) => m.message);
}

// The first lint loads typescript-eslint: seconds, more on a busy machine.
describe('the import walls (eslint walls/imports)', { timeout: 120_000 }, () => {
  it('let the page import only core and its own code', async () => {
    expect(await walls('src/app/actions/planted.ts', "import { runBenchmark } from '../../engine/benchmark';\nexport const x = runBenchmark;\n")).toEqual([
      'src/app/actions/planted.ts may not import src/engine/benchmark: the page imports only core; it reaches the engine through the engine client and core/protocol',
    ]);
    expect(await walls('src/app/features/x/Planted.tsx', "import type { OrtRuntime } from '../../../engine/ort-runtime';\nexport type X = OrtRuntime;\n")).toHaveLength(1);
    expect(await walls('src/app/actions/planted.ts', "export const load = () => import('../../engine/create-engine');\n")).toHaveLength(1);
    expect(await walls('src/app/actions/planted.ts', "import * as ort from 'onnxruntime-common';\nexport const x = ort;\n")).toHaveLength(1);
    expect(await walls('src/app/actions/planted.ts', "import { ok } from '../../core/protocol/engine-error';\nimport { EngineClient } from '../engine/engine-client';\nexport const x = [ok, EngineClient];\n")).toEqual([]);
  });

  it('let only the engine’s worker entry files import onnxruntime-web', async () => {
    const planted = "import * as ort from 'onnxruntime-web/wasm';\nexport const x = ort;\n";
    expect(await walls('src/engine/wasm.worker.ts', planted)).toEqual([]);
    expect(await walls('src/engine/benchmark.ts', planted)).toEqual(['src/engine/benchmark.ts may not import onnxruntime-web/wasm: only src/engine/*.worker.ts imports onnxruntime-web']);
    expect(await walls('src/core/schema/planted.ts', planted)).toHaveLength(2);
    expect(await walls('cli/planted.ts', planted)).toHaveLength(1);
  });

  it('keep core pure, and the engine contract free of everything else', async () => {
    expect(await walls('src/core/stats/planted.ts', "import { useState } from 'react';\nexport const x = useState;\n")).toHaveLength(1);
    expect(await walls('src/core/stats/planted.ts', "import type { AppState } from '../../app/store/app-store';\nexport type X = AppState;\n")).toHaveLength(1);
    expect(await walls('src/core/protocol/planted.ts', "import type { OnnxSummary } from '../package/onnx-summary';\nexport type X = OnnxSummary;\n")).toEqual([
      'src/core/protocol/planted.ts may not import src/core/package/onnx-summary: the engine contract depends on nothing else',
    ]);
    expect(await walls('src/core/package/planted.ts', "import type { TensorSpec } from '../protocol/tensor';\nexport type X = TensorSpec;\n")).toEqual([]);
  });

  it('keep the CLI from importing scripts (scripts import the CLI)', async () => {
    expect(await walls('cli/planted.mjs', "import { runner } from '../scripts/bench-support.mjs';\nexport const x = runner;\n")).toEqual([
      'cli/planted.mjs may not import scripts/bench-support.mjs: the CLI imports core and the engine, never scripts (scripts import the CLI)',
    ]);
    expect(await walls('scripts/planted.mjs', "import { runBench } from '../cli/bench.mjs';\nexport const x = runBench;\n")).toEqual([]);
  });

  it('keep code-evaluating libraries out of what the app runs (the CSP forbids eval)', async () => {
    expect(await walls('src/core/graph/planted.ts', "import { Root } from 'protobufjs/light.js';\nexport const x = Root;\n")).toEqual([
      'src/core/graph/planted.ts may not import protobufjs/light.js: nothing the app runs may evaluate code (the CSP forbids it): ONNX decoders are generated (onnx-schema.ts), ajv is for Node only',
    ]);
    expect(await walls('src/app/features/x/planted.ts', "import Ajv from 'ajv';\nexport const x = Ajv;\n")).toHaveLength(1);
    expect(await walls('src/core/check/check-report-validator.ts', "import Ajv from 'ajv';\nexport const x = Ajv;\n")).toEqual([]);
    expect(await walls('src/core/package/planted.test.ts', "import { Root } from 'protobufjs/light.js';\nexport const x = Root;\n")).toEqual([]);
  });
});
