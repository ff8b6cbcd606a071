// The types the CLI's plain-JavaScript modules are checked against (JSDoc `@import`s): its
// commands as args.mjs parses them, and what its drivers share. The reports it writes are
// core's types (src/core/benchmark/report.ts, src/core/profile/tune-report.ts).
import type { Browser } from 'playwright-core';

export interface CommonOptions {
  readonly model: string;
  readonly dist: string | null;
  readonly timeoutMs: number;
  readonly quiet: boolean;
}

export interface BenchCommand extends CommonOptions {
  readonly command: 'bench';
  readonly backends: readonly ('wasm' | 'webgpu')[];
  readonly threads: readonly number[];
  readonly batch: readonly number[] | null;
  readonly warmup: number | null;
  readonly runs: number | null;
  readonly seconds: number | null;
  readonly inputs: 'example' | 'random' | null;
  readonly json: string | null;
  readonly profile: boolean;
  readonly session: SessionOptionsArgs;
}

/** bench's session options (cli/session-args.mjs), set in the Benchmark form's "Session options". */
export interface SessionOptionsArgs {
  readonly graphOptimizationLevel: 'disabled' | 'basic' | 'extended' | 'all' | null;
  readonly dims: Readonly<Record<string, number>>;
  readonly fixDims: boolean;
  readonly layout: 'NCHW' | 'NHWC' | null;
  readonly graphCapture: boolean;
  readonly gpuOutputs: boolean;
}

/** One --input: a file or folder for the whole set (name null), or NAME=FILE for one input. */
export interface PredictInput {
  readonly name: string | null;
  readonly path: string;
}

export interface PredictCommand extends CommonOptions {
  readonly command: 'predict';
  readonly input: readonly PredictInput[];
  readonly backend: 'wasm' | 'webgpu';
  readonly threads: number;
  readonly out: string | null;
}

export interface TuneCommand extends CommonOptions {
  readonly command: 'tune';
  readonly budgetP99Ms: number;
  readonly minBatch: number;
  readonly capSeconds: number;
  readonly webgpu: boolean;
  readonly json: string | null;
}

/** `check` (cli/check-args.mjs): a package's own test data sets through the Check outputs tab. */
export interface CheckCommand extends CommonOptions {
  readonly command: 'check';
  /** WASM first when both: the backend agreement's baseline. */
  readonly backends: readonly ('wasm' | 'webgpu')[];
  /** As given (validated numbers), typed into the tab's fields. */
  readonly rtol: string;
  readonly atol: string;
  readonly json: string | null;
  /** The user's own input and expected-output files (both empty: the package's data sets). */
  readonly data: readonly string[];
  readonly expect: readonly string[];
}

export type Command = { readonly command: 'help' } | { readonly command: 'version' } | BenchCommand | PredictCommand | TuneCommand;

/** Where progress lines go (stderr, unless a script collects them). */
export type Log = (line: string) => void;

/** A browser and a served app a script reuses for several runs (see scripts/bench-overhead.mjs). */
export interface Shared {
  readonly browser?: Browser;
  readonly url?: string;
}

/** The model argument: a file for "Open model…", or a folder for "Open folder…". */
export interface ModelSource {
  readonly kind: 'file' | 'folder';
  readonly path: string;
}

/** The static server's handle. */
export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

/** The options as `node:util` parseArgs returns them (args.mjs). */
export type Values = { readonly [K in 'backend' | 'threads' | 'batch' | 'warmup' | 'runs' | 'seconds' | 'inputs' | 'json' | 'dist' | 'timeout' | 'out' | 'budget-p99' | 'min-batch' | 'cap' | 'graph-opt' | 'dims' | 'layout']?: string } & {
  readonly input?: readonly string[];
} & {
  readonly [K in 'quiet' | 'profile' | 'help' | 'version' | 'fix-dims' | 'graph-capture' | 'gpu-outputs']?: boolean;
};
