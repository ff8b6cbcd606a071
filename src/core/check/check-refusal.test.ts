import { describe, expect, it } from 'vitest';
import { ok } from '../protocol/engine-error';
import { checkRefusal, usableBackends, type CheckAsked } from './check-refusal';
import { DEFAULT_TOLERANCE, parseTolerance } from './tolerance';

const GPU = { available: true, vendor: 'google', architecture: 'swiftshader', software: true } as const;
const NO_GPU = { available: false, reason: 'no adapter' } as const;
const ASKED: CheckAsked = { backends: ['wasm'], webgpu: NO_GPU, dataSets: 2, files: null };
const refusalOf = (asked: Partial<CheckAsked>, tolerance = ok(DEFAULT_TOLERANCE)) => checkRefusal(tolerance, { ...ASKED, ...asked });

describe('checkRefusal', () => {
  it('lets a check start with a tolerance, a usable backend and something to run', () => {
    expect(refusalOf({})).toBeNull();
    expect(refusalOf({ backends: ['wasm', 'webgpu'], webgpu: GPU, dataSets: 1, files: { inputs: 1, expected: 1 } })).toBeNull();
  });

  it('says the first thing wrong: the tolerance, then the backends, the data sets, the files', () => {
    const badTolerance = parseTolerance('a lot', '1e-7');
    expect(refusalOf({ backends: [], dataSets: 0 }, badTolerance)?.message).toMatch(/^The tolerance must be two numbers/);
    expect(refusalOf({ backends: [], dataSets: 0 })).toMatchObject({ code: 'bad-input', message: 'No backend is chosen.' });
    expect(refusalOf({ backends: ['webgpu'] })).toMatchObject({ code: 'backend-unavailable', message: 'WebGPU is not available in this browser (no adapter).' });
    expect(refusalOf({ backends: ['webgpu'], webgpu: undefined })?.message).toBe('WebGPU is not available in this browser.');
    expect(refusalOf({ dataSets: 0 })?.message).toMatch(/^This package has no test data sets/);
    expect(refusalOf({ dataSets: 1, files: { inputs: 0, expected: 2 } })?.message).toBe('Give the inputs too: a check needs both.');
    expect(refusalOf({ dataSets: 1, files: { inputs: 1, expected: 0 } })?.message).toBe('Give the expected outputs too: a check needs both.');
  });
});

describe('usableBackends', () => {
  it('keeps WebGPU only where the browser has it', () => {
    expect(usableBackends(['wasm', 'webgpu'], NO_GPU)).toEqual(['wasm']);
    expect(usableBackends(['webgpu', 'wasm'], GPU)).toEqual(['webgpu', 'wasm']);
    expect(usableBackends(['webgpu'], undefined)).toEqual([]);
  });
});
