import type { ProfiledShape, ProfilerEvent } from '../protocol/profile';

const KERNEL_SUFFIX = '_kernel_time';

function stringArg(args: unknown, key: string): string | null {
  if (typeof args !== 'object' || args === null) return null;
  const value = (args as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
}

/** onnxruntime's C++ type names (DataTypeImpl) → the names onnxruntime-web gives tensor types. */
const ORT_TYPES: Readonly<Record<string, string>> = {
  float: 'float32', double: 'float64', MLFloat16: 'float16', BFloat16: 'bfloat16', int8_t: 'int8', uint8_t: 'uint8', int16_t: 'int16', uint16_t: 'uint16',
  int32_t: 'int32', uint32_t: 'uint32', int64_t: 'int64', uint64_t: 'uint64', bool: 'bool', string: 'string', int8: 'int8', uint8: 'uint8', int16: 'int16',
  uint16: 'uint16', int32: 'int32', uint32: 'uint32', int64: 'int64', uint64: 'uint64', float16: 'float16',
};

/** `[{"float":[1,4]},{"float":[4,4]}]` → shapes; null when the field is absent or not of that form. */
function shapesOf(value: unknown): ProfiledShape[] | null {
  if (!Array.isArray(value)) return null;
  const shapes: ProfiledShape[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) return null;
    const [entry] = Object.entries(item as Record<string, unknown>);
    if (!entry || !Array.isArray(entry[1]) || !entry[1].every((d) => typeof d === 'number')) return null;
    shapes.push({ dtype: ORT_TYPES[entry[0]] ?? entry[0], dims: entry[1] as number[] });
  }
  return shapes;
}

/** One trace event from a line such as `{"cat" : "Node", … },` or null when the line is something else. */
function eventOf(line: string): ProfilerEvent | null {
  const text = line.trim().replace(/,$/, '');
  if (!text.startsWith('{') || !text.endsWith('}')) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const e = raw as Record<string, unknown>;
  if (typeof e.cat !== 'string' || typeof e.name !== 'string' || typeof e.ts !== 'number' || typeof e.dur !== 'number') return null;
  let name = e.name;
  // A node without a name is printed as "_kernel_time": name it by its index instead.
  if (name === KERNEL_SUFFIX) name = `#${stringArg(e.args, 'node_index') ?? '?'}${KERNEL_SUFFIX}`;
  const event: ProfilerEvent = { cat: e.cat, name, ts: e.ts, dur: e.dur, opType: stringArg(e.args, 'op_name'), provider: stringArg(e.args, 'provider') };
  const args = typeof e.args === 'object' && e.args !== null ? (e.args as Record<string, unknown>) : {};
  const inputs = shapesOf(args.input_type_shape);
  const outputs = shapesOf(args.output_type_shape);
  return inputs || outputs ? { ...event, shapes: { inputs: inputs ?? [], outputs: outputs ?? [] } } : event;
}

/**
 * The events of onnxruntime's session profiler from what onnxruntime-web prints
 * when `endProfiling()` is called: a JSON array written one event per line
 * (`[`, `{…},` …, `]`). Lines that are not events are skipped.
 */
export function parseProfilerLines(lines: readonly string[]): ProfilerEvent[] {
  const events: ProfilerEvent[] = [];
  for (const chunk of lines) {
    for (const line of chunk.split('\n')) {
      const event = eventOf(line);
      if (event) events.push(event);
    }
  }
  return events;
}

/** The node a Node event times ("conv1_kernel_time" → "conv1"), or null for other events. */
export function nodeNameOf(event: ProfilerEvent): string | null {
  if (event.cat !== 'Node' || !event.name.endsWith(KERNEL_SUFFIX)) return null;
  return event.name.slice(0, -KERNEL_SUFFIX.length);
}

/** A WebGPU program event ("node&OpType&ProgramName") → its node and operator. */
export function gpuProgramOf(event: ProfilerEvent): { node: string; opType: string; program: string } | null {
  if (event.cat !== 'Api') return null;
  const parts = event.name.split('&');
  // From the right: a node's own name may contain "&".
  if (parts.length < 3) return null;
  const program = parts.pop()!;
  const opType = parts.pop()!;
  return { node: parts.join('&'), opType, program };
}
