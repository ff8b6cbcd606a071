import { createStore, del, set, values, type UseStore } from 'idb-keyval';
import type { BenchmarkRun } from '../../core/benchmark/run';

/** Where finished benchmark runs are kept between visits. */
export interface BenchmarkRunStorage {
  list(): Promise<BenchmarkRun[]>;
  save(run: BenchmarkRun): Promise<void>;
  remove(id: string): Promise<void>;
}

/** IndexedDB, opened on first use (not on page load), one record per run with its raw samples. */
export function indexedDbRunStorage(): BenchmarkRunStorage {
  let store: UseStore | null = null;
  const db = (): UseStore => (store ??= createStore('onnx-playground-benchmarks', 'runs'));
  return {
    list: () => values<BenchmarkRun>(db()),
    save: (run) => set(run.id, run, db()),
    remove: (id) => del(id, db()),
  };
}

/** For tests and for browsers without IndexedDB: runs live as long as the page. */
export function memoryRunStorage(): BenchmarkRunStorage {
  const runs = new Map<string, BenchmarkRun>();
  return {
    list: async () => [...runs.values()],
    save: async (run) => void runs.set(run.id, run),
    remove: async (id) => void runs.delete(id),
  };
}
