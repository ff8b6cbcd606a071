import type { EngineBuild } from '../protocol/engine-api';
import type { BenchmarkEnvironment } from './run';

/** "Chrome 140.0.7339.80", "Firefox 141.0", "Safari 18.5": the browser a user agent names; "unknown" when none matches. */
export function browserOf(userAgent: string): { readonly name: string; readonly version: string } {
  const rules: [string, RegExp][] = [
    ['Edge', /Edg\/([\d.]+)/],
    ['Opera', /OPR\/([\d.]+)/],
    ['Firefox', /Firefox\/([\d.]+)/],
    ['Chrome', /(?:HeadlessChrome|Chrome|Chromium)\/([\d.]+)/],
    ['Safari', /Version\/([\d.]+).*Safari\//],
  ];
  for (const [name, pattern] of rules) {
    const match = pattern.exec(userAgent);
    if (match) return { name: /HeadlessChrome/.test(userAgent) && name === 'Chrome' ? 'Chrome (headless)' : name, version: match[1]! };
  }
  return { name: 'unknown', version: 'unknown' };
}

/** The environment as written to every file: every key present (null where a run kept before it was recorded lacks it). */
export interface ReportEnvironment {
  readonly userAgent: string;
  readonly browser: { readonly name: string; readonly version: string };
  readonly hardwareConcurrency: number;
  readonly crossOriginIsolated: boolean;
  readonly ortVersion: string;
  readonly builds: Readonly<Record<string, EngineBuild>>;
  readonly wasmSimd: boolean;
  readonly wasmThreads: boolean;
  readonly timerResolutionMs: number;
  readonly webgpuAdapter: {
    readonly vendor: string;
    readonly architecture: string;
    readonly software: boolean;
    readonly description: string | null;
    readonly fallback: boolean | null;
    readonly features: readonly string[] | null;
    readonly limits: Readonly<Record<string, number>> | null;
  } | null;
}

const ms = (value: number): number => Math.round(value * 1e4) / 1e4;

export function reportEnvironment(env: BenchmarkEnvironment): ReportEnvironment {
  const a = env.webgpuAdapter;
  return {
    userAgent: env.userAgent,
    browser: env.browser ?? browserOf(env.userAgent),
    hardwareConcurrency: env.hardwareConcurrency,
    crossOriginIsolated: env.crossOriginIsolated,
    ortVersion: env.ortVersion,
    builds: { ...(env.builds ?? {}) },
    wasmSimd: env.wasmSimd,
    wasmThreads: env.wasmThreads,
    timerResolutionMs: ms(env.timerResolutionMs),
    webgpuAdapter: a
      ? {
          vendor: a.vendor,
          architecture: a.architecture,
          software: a.software,
          description: a.description ?? null,
          fallback: a.fallback ?? null,
          features: a.features ? [...a.features] : null,
          limits: a.limits ? { ...a.limits } : null,
        }
      : null,
  };
}

/** The same facts for people, label → text (the results panel and the Markdown export). */
export function environmentFacts(r: ReportEnvironment): [string, string][] {
  const a = r.webgpuAdapter;
  const builds = Object.entries(r.builds).map(([backend, b]) => `${backend}: ${b.wasm}, ${b.executionProvider}`);
  const limits = a?.limits ? Object.entries(a.limits).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ') : 'not recorded';
  return [
    ['Browser', `${r.browser.name} ${r.browser.version}`],
    ['Cores', `${r.hardwareConcurrency} logical (navigator.hardwareConcurrency)`],
    ['Cross-origin isolated', r.crossOriginIsolated ? 'yes (multi-threaded WASM possible)' : 'no (WASM limited to 1 thread)'],
    ['onnxruntime-web', `${r.ortVersion}; WASM SIMD ${r.wasmSimd ? 'yes' : 'no'}, threads ${r.wasmThreads ? 'yes' : 'no'}`],
    ['Builds', builds.length > 0 ? builds.join('; ') : 'not recorded'],
    ['Timer resolution', `${r.timerResolutionMs} ms`],
    [
      'WebGPU adapter',
      a
        ? `${a.vendor} / ${a.architecture}${a.description ? ` (${a.description})` : ''}${a.software ? ' — software, not a GPU' : ''}; fallback adapter: ${a.fallback === null ? 'not said' : a.fallback ? 'yes' : 'no'}; features: ${a.features === null ? 'not recorded' : a.features.length > 0 ? a.features.join(', ') : 'none of shader-f16, timestamp-query, subgroups'}; limits: ${limits}`
        : 'none',
    ],
    ['User agent', r.userAgent],
  ];
}
