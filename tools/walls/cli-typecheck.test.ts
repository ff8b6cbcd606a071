import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;

function cliConfig(): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(`${ROOT}tsconfig.cli.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); } });
  if (!parsed) throw new Error('tsconfig.cli.json could not be read');
  return parsed;
}

/** Type-checks in-memory CLI modules, in one program, with the CLI's compiler options (strict, checkJs). */
function diagnosticsOf(files: Record<string, string>): Record<string, string[]> {
  const { options } = cliConfig();
  const paths = new Map(Object.entries(files).map(([name, text]) => [`${ROOT}${name}`, text]));
  const host = ts.createCompilerHost({ ...options, noEmit: true });
  const read = host.readFile.bind(host);
  host.readFile = (file) => paths.get(file) ?? read(file);
  const exists = host.fileExists.bind(host);
  host.fileExists = (file) => paths.has(file) || exists(file);
  const program = ts.createProgram([...paths.keys()], { ...options, noEmit: true, composite: false, declaration: false, emitDeclarationOnly: false }, host);
  const out: Record<string, string[]> = Object.fromEntries(Object.keys(files).map((name) => [name, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const name = d.file?.fileName.slice(ROOT.length) ?? '(global)';
    (out[name] ??= []).push(`TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  }
  return out;
}

describe('the CLI is type-checked', () => {
  it('by a project of its own, part of `npm run typecheck` (tsc -b), that checks its JavaScript', () => {
    const { options, fileNames } = cliConfig();
    expect(options.checkJs).toBe(true);
    expect(options.strict).toBe(true);
    expect(fileNames.map((f) => f.slice(ROOT.length))).toEqual(expect.arrayContaining(['cli/onnx-playground.mjs', 'cli/args.mjs', 'cli/bench.mjs', 'cli/predict.mjs', 'cli/native-baseline.ts']));
    const solution = JSON.parse(readFileSync(`${ROOT}tsconfig.json`, 'utf8')) as { references: { path: string }[] };
    expect(solution.references.map((r) => r.path)).toContain('./tsconfig.cli.json');
    expect(JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')).scripts.typecheck).toBe('tsc -b');
  });

  it('catches a planted type error in a CLI module, a report field that core does not define, and an untyped parameter', () => {
    const report = "/** @import { BenchmarkReport } from '../src/core/benchmark/report' */\n/** @param {BenchmarkReport} report */\nexport const name = (report) => report.modelName;\n";
    expect(
      diagnosticsOf({
        'cli/planted-call.mjs': "/** @param {number} n */\nexport const twice = (n) => n * 2;\ntwice('2');\n",
        'cli/planted-report.mjs': report,
        'cli/planted-any.mjs': 'export function untyped(x) {\n  return x;\n}\n',
      }),
    ).toEqual({
      'cli/planted-call.mjs': ["TS2345: Argument of type 'string' is not assignable to parameter of type 'number'."],
      'cli/planted-report.mjs': ["TS2339: Property 'modelName' does not exist on type 'BenchmarkReport'."],
      'cli/planted-any.mjs': ["TS7006: Parameter 'x' implicitly has an 'any' type."],
    });
    // A whole program with Node's types: slow on a busy machine, not a figure.
  }, 180_000);
});
