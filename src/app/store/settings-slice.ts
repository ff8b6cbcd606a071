import type { StateCreator } from 'zustand';
import type { BackendId } from '../../core/protocol/engine-api';
import type { Capabilities } from '../../core/protocol/capabilities';
import type { AppState } from './app-store';

export type Theme = 'system' | 'light' | 'dark';

export interface SettingsSlice {
  readonly theme: Theme;
  readonly backend: BackendId;
  /** `null` until the user picks: then the capability-based default applies. */
  readonly threads: number | null;
  readonly capabilities: Capabilities | null;
  setTheme(theme: Theme): void;
  setBackend(backend: BackendId): void;
  setThreads(threads: number): void;
  setCapabilities(caps: Capabilities): void;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => ({
  theme: 'system',
  backend: 'wasm',
  threads: null,
  capabilities: null,
  setTheme: (theme) => set({ theme }),
  setBackend: (backend) => set({ backend }),
  setThreads: (threads) => set({ threads }),
  setCapabilities: (capabilities) => set({ capabilities }),
});
