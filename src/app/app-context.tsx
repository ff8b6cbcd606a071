import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Actions } from './actions/create-actions';
import type { AppServices } from './actions/app-services';
import type { BenchmarkActions } from './actions/benchmark-actions';
import type { PredictActions } from './actions/predict-actions';
import type { LibraryActions } from './actions/library-actions';
import type { CompareActions } from './actions/compare-actions';
import type { DriftActions } from './actions/drift-actions';
import type { SpeedActions } from './actions/speed-actions';
import type { CheckActions } from './actions/check-actions';
import type { InputFileActions } from './actions/input-file-actions';
import type { AppState } from './store/app-store';

const ServicesContext = createContext<AppServices | null>(null);

export function AppProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('AppProvider is missing');
  return services;
}

export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(useServices().store, selector);
}

export function useActions(): Actions {
  return useServices().actions;
}

export function useBenchmarkActions(): BenchmarkActions {
  return useServices().benchmark;
}

export function usePredictActions(): PredictActions {
  return useServices().predict;
}

export function useLibraryActions(): LibraryActions {
  return useServices().library;
}

export function useDriftActions(): DriftActions {
  return useServices().drift;
}

export function useCompareActions(): CompareActions {
  return useServices().compare;
}

export function useSpeedActions(): SpeedActions {
  return useServices().speed;
}

export function useCheckActions(): CheckActions {
  return useServices().check;
}

export function useInputFileActions(): InputFileActions {
  return useServices().inputFiles;
}
