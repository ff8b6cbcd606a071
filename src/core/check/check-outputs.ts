import type { HostTensor } from '../schema/host-tensor';
import type { TensorSet } from '../tensors/tensor-summary';
import { compareTensors, LISTED_FAILURES, type TensorComparison } from './compare-tensors';
import type { Tolerance } from './tolerance';

/** Every expected output of one case compared with what a backend gave. */
export interface OutputsCheck {
  /** By output name, in the expected outputs' order. */
  readonly outputs: Readonly<Record<string, TensorComparison>>;
  /** Expected outputs the run did not give. */
  readonly missing: readonly string[];
  readonly pass: boolean;
}

const EMPTY: HostTensor = { dtype: 'float32', dims: [0], data: new Float32Array(0) };

/** Compares each expected output with the output of the same name; a missing output fails. */
export function checkOutputs(expected: TensorSet, got: TensorSet, tolerance: Tolerance, listed = LISTED_FAILURES): OutputsCheck {
  const outputs: Record<string, TensorComparison> = {};
  const missing: string[] = [];
  for (const [name, want] of Object.entries(expected)) {
    const have = got[name];
    if (have) {
      outputs[name] = compareTensors(want, have, tolerance, listed);
      continue;
    }
    missing.push(name);
    const c = compareTensors(want, EMPTY, tolerance, 0);
    outputs[name] = { ...c, gotDtype: want.dtype, gotDims: [], mismatched: c.count, pass: false, problem: `the run gave no output named “${name}”` };
  }
  const all = Object.values(outputs);
  return { outputs, missing, pass: all.length > 0 && all.every((c) => c.pass) };
}

/** One backend's outputs for the same inputs. */
export interface BackendRun {
  readonly backend: string;
  readonly outputs: TensorSet;
}

/** One output of one backend next to the baseline backend's. */
export interface AgreementRow {
  readonly output: string;
  readonly baseline: string;
  readonly backend: string;
  readonly comparison: TensorComparison;
}

export interface BackendAgreement {
  readonly baseline: string;
  readonly rows: readonly AgreementRow[];
  /** Whether every backend agrees with the baseline on every output, within the tolerance. */
  readonly agree: boolean;
}

/**
 * Backends side by side without a reference: every backend's outputs compared with the
 * first's (the baseline, e.g. WASM), so that "WebGPU differs from WASM by 3e-3 on output hn"
 * is visible without an expected-outputs file.
 */
export function compareBackends(runs: readonly BackendRun[], tolerance: Tolerance, listed = LISTED_FAILURES): BackendAgreement {
  const [base, ...others] = runs;
  if (!base) return { baseline: '', rows: [], agree: false };
  const rows: AgreementRow[] = [];
  for (const other of others) {
    const check = checkOutputs(base.outputs, other.outputs, tolerance, listed);
    for (const [output, comparison] of Object.entries(check.outputs)) rows.push({ output, baseline: base.backend, backend: other.backend, comparison });
  }
  return { baseline: base.backend, rows, agree: others.length > 0 && rows.every((r) => r.comparison.pass) };
}
