/**
 * What onnxruntime-web says and how much memory it holds, seen from inside its worker.
 *
 * onnxruntime-web prints its session profiler's JSON with `console.log` and its log with
 * `console.error` (Emscripten's print/printErr, bound to `console` when the runtime
 * starts), and keeps its heap in a `WebAssembly.Memory` it creates itself. Installed
 * before the first session, the tap routes the console through a switch (so a task can
 * collect those lines) and remembers the memories created.
 */
export interface CapturedLine {
  readonly level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  readonly text: string;
}

export interface RuntimeTap {
  /** Runs `task` while collecting what is printed (nothing reaches the real console meanwhile). */
  capture<T>(task: () => Promise<T>): Promise<{ readonly value: T; readonly lines: readonly CapturedLine[] }>;
  /** Bytes of the largest WebAssembly memory created in this worker (onnxruntime's heap), or null. */
  wasmMemoryBytes(): number | null;
}

/** Enough lines for a large model's profile; beyond it, lines are dropped rather than memory exhausted. */
const MAX_LINES = 500_000;
const LEVELS = ['log', 'info', 'warn', 'error', 'debug'] as const;

interface TapScope {
  readonly console: Console;
  WebAssembly: typeof WebAssembly;
}

function textOf(args: readonly unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? a.message : String(a))).join(' ');
}

export function installRuntimeTap(scope: TapScope): RuntimeTap {
  let sink: CapturedLine[] | null = null;
  for (const level of LEVELS) {
    const original = scope.console[level].bind(scope.console);
    scope.console[level] = (...args: unknown[]) => {
      if (sink === null) return original(...args);
      if (sink.length < MAX_LINES) sink.push({ level, text: textOf(args) });
    };
  }

  const memories: WebAssembly.Memory[] = [];
  const wasm = scope.WebAssembly;
  // Only the constructor is wrapped: `instanceof WebAssembly.Memory` and the static members still work.
  wasm.Memory = new Proxy(wasm.Memory, {
    construct(target, args: [WebAssembly.MemoryDescriptor], newTarget: NewableFunction) {
      const memory = Reflect.construct(target, args, newTarget) as WebAssembly.Memory;
      memories.push(memory);
      return memory;
    },
  });

  return {
    async capture(task) {
      const lines: CapturedLine[] = [];
      const previous = sink;
      sink = lines;
      try {
        const value = await task();
        return { value, lines };
      } finally {
        sink = previous;
      }
    },
    wasmMemoryBytes() {
      if (memories.length === 0) return null;
      return Math.max(...memories.map((m) => m.buffer.byteLength));
    },
  };
}
