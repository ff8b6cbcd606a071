// The session options of `bench` (graph optimisation, symbolic dimensions, WebGPU layout, graph
// capture, outputs on the GPU): parsed here, then set in the Benchmark form's "Session options".
import { UsageError } from './args.mjs';
/** @import { SessionOptionsArgs, Values } from './command-types' */

const LEVELS = ['disabled', 'basic', 'extended', 'all'];

export const SESSION_USAGE = `  --graph-opt LEVEL graph optimisation: disabled, basic, extended or all (default:
                    all, onnxruntime's)
  --dims LIST       sizes of symbolic dimensions, NAME=SIZE comma-separated (default:
                    the app's starting sizes, shown with where each came from)
  --fix-dims        fix the symbolic dimensions (all but the batch one) in the session
                    (freeDimensionOverrides)
  --layout L        WebGPU: NCHW or NHWC (default: onnxruntime's)
  --graph-capture   WebGPU: record the GPU work once and replay it (one batch size)
  --gpu-outputs     WebGPU: keep outputs on the GPU; each point then also has
                    withoutReadBackP50Ms
  Each result's "config" records the options the engine passed to onnxruntime.`;

/** @param {string} text @returns {Record<string, number>} */
function parseDims(text) {
  /** @type {Record<string, number>} */
  const dims = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([^=]+)=(\d+)$/.exec(part);
    if (!match || Number(match[2]) < 1) throw new UsageError(`--dims takes NAME=SIZE pairs with sizes ≥ 1, not “${part}”.`);
    dims[String(match[1]).trim()] = Number(match[2]);
  }
  return dims;
}

/**
 * @param {Values} values
 * @param {readonly string[]} backends
 * @returns {SessionOptionsArgs}
 */
export function sessionArgs(values, backends) {
  const level = values['graph-opt'] ?? null;
  if (level !== null && !LEVELS.includes(level)) throw new UsageError(`--graph-opt is one of ${LEVELS.join(', ')}, not “${level}”.`);
  const layout = values.layout ?? null;
  if (layout !== null && layout !== 'NCHW' && layout !== 'NHWC') throw new UsageError(`--layout is NCHW or NHWC, not “${layout}”.`);
  const gpuOnly = /** @type {const} */ (['layout', 'graph-capture', 'gpu-outputs']).filter((flag) => values[flag] !== undefined);
  if (gpuOnly.length > 0 && !backends.includes('webgpu')) throw new UsageError(`--${gpuOnly[0]} applies to WebGPU: add --backend webgpu.`);
  return {
    graphOptimizationLevel: /** @type {SessionOptionsArgs['graphOptimizationLevel']} */ (level),
    dims: values.dims === undefined ? {} : parseDims(values.dims),
    fixDims: values['fix-dims'] ?? false,
    layout: /** @type {SessionOptionsArgs['layout']} */ (layout),
    graphCapture: values['graph-capture'] ?? false,
    gpuOutputs: values['gpu-outputs'] ?? false,
  };
}
