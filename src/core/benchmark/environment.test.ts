import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { BENCHMARK_REPORT_SCHEMA } from './report-schema';
import { benchmarkReport } from './report';
import { browserOf, environmentFacts, reportEnvironment } from './environment';
import { sampleRun } from './sample-run.fixture';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.7339.80 Safari/537.36';

describe('environment record', () => {
  it('names the browser and its version from the user agent', () => {
    expect(browserOf(CHROME)).toEqual({ name: 'Chrome (headless)', version: '140.0.7339.80' });
    expect(browserOf('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36 Edg/139.0.3405.86')).toEqual({ name: 'Edge', version: '139.0.3405.86' });
    expect(browserOf('Mozilla/5.0 (X11; Linux x86_64; rv:141.0) Gecko/20100101 Firefox/141.0')).toEqual({ name: 'Firefox', version: '141.0' });
    expect(browserOf('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15')).toEqual({ name: 'Safari', version: '18.5' });
    expect(browserOf('curl/8')).toEqual({ name: 'unknown', version: 'unknown' });
  });

  it('writes every key, with the build of each backend and the adapter’s features and limits, which the schema accepts', () => {
    const run = sampleRun();
    const env = {
      ...run.environment,
      userAgent: CHROME,
      builds: { wasm: { wasm: 'ort-wasm-simd-threaded.wasm (SIMD, threads)', executionProvider: 'WASM CPU kernels' }, webgpu: { wasm: 'ort-wasm-simd-threaded.asyncify.wasm', executionProvider: 'native WebGPU EP (not JSEP)' } },
      webgpuAdapter: { vendor: 'google', architecture: 'swiftshader', software: true, description: 'SwiftShader Device (Subzero)', fallback: true, features: ['shader-f16', 'timestamp-query'], limits: { maxBufferSize: 268435456 } },
    };
    const written = reportEnvironment(env);
    expect(written.browser).toEqual({ name: 'Chrome (headless)', version: '140.0.7339.80' });
    expect(written.webgpuAdapter).toMatchObject({ fallback: true, features: ['shader-f16', 'timestamp-query'], limits: { maxBufferSize: 268435456 } });
    const report = JSON.parse(JSON.stringify(benchmarkReport({ ...run, environment: env }, { name: 'onnx-playground', version: '0.1.0' })));
    const validate = new Ajv({ allErrors: true }).compile(BENCHMARK_REPORT_SCHEMA);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...report, environment: { ...report.environment, builds: { webgl: written.builds.wasm } } })).toBe(false);
    const facts = Object.fromEntries(environmentFacts(written));
    expect(facts['Builds']).toBe('wasm: ort-wasm-simd-threaded.wasm (SIMD, threads), WASM CPU kernels; webgpu: ort-wasm-simd-threaded.asyncify.wasm, native WebGPU EP (not JSEP)');
    expect(facts['WebGPU adapter']).toBe(
      'google / swiftshader (SwiftShader Device (Subzero)) — software, not a GPU; fallback adapter: yes; features: shader-f16, timestamp-query; limits: maxBufferSize 268,435,456',
    );
  });

  it('keeps runs saved before the record grew readable: what they lack is null', () => {
    const written = reportEnvironment(sampleRun().environment);
    expect(written.builds).toEqual({});
    expect(written.webgpuAdapter).toEqual({ vendor: 'google', architecture: 'swiftshader', software: true, description: null, fallback: null, features: null, limits: null });
  });
});
