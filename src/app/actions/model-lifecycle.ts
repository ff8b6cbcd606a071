/**
 * What closing a model must end besides its state: work still running on it (a batch being
 * scored, a drift check, a benchmark) and what features keep for it outside the store
 * (compiled validators, parsed files). Features register here; `closeModel` calls `close`.
 */
export interface ModelLifecycle {
  /** Work starting on a model: `cancel` is called if the model closes first. Call the returned function when the work ends. */
  track(modelId: string, cancel: () => void): () => void;
  /** Per-model memory kept outside the store: `forget(modelId)` runs when a model closes. */
  onClose(forget: (modelId: string) => void): void;
  /** Cancels the model's running work and forgets what features keep for it. */
  close(modelId: string): void;
  /** Whether work is running on the model. */
  busy(modelId: string): boolean;
}

export function createModelLifecycle(): ModelLifecycle {
  const running = new Map<string, Set<() => void>>();
  const forgetters: ((modelId: string) => void)[] = [];
  return {
    track(modelId, cancel) {
      const set = running.get(modelId) ?? new Set();
      running.set(modelId, set);
      set.add(cancel);
      return () => {
        set.delete(cancel);
        if (set.size === 0 && running.get(modelId) === set) running.delete(modelId);
      };
    },
    onClose(forget) {
      forgetters.push(forget);
    },
    close(modelId) {
      const cancels = [...(running.get(modelId) ?? [])];
      running.delete(modelId);
      for (const cancel of cancels) cancel();
      for (const forget of forgetters) forget(modelId);
    },
    busy: (modelId) => (running.get(modelId)?.size ?? 0) > 0,
  };
}
