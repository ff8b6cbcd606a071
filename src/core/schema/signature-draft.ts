import type { FeatureKind, Range, SignatureSource } from './signature';

/** One feature while the sources are merged: null where no source has said anything yet. */
export interface FeatureDraft {
  name: string;
  kind: FeatureKind | null;
  description: string | null;
  required: boolean | null;
  options: (string | number | boolean)[] | null;
  declared: Range | null;
  training: Range | null;
  sources: SignatureSource[];
}

/** The signature while its sources are merged, in order of preference. */
export interface SignatureDraft {
  /** The features in the order they were first named. */
  readonly features: Map<string, FeatureDraft>;
  /** Disagreements between the sources, in words. */
  readonly notes: string[];
  /** The sources that described anything, in the order they were read. */
  readonly sources: SignatureSource[];
  /** The feature of that name (added last when new), marked as described by `source`. */
  take(name: string, source: SignatureSource): FeatureDraft;
}

export function signatureDraft(): SignatureDraft {
  const features = new Map<string, FeatureDraft>();
  return {
    features,
    notes: [],
    sources: [],
    take(name, source) {
      let d = features.get(name);
      if (!d) {
        d = { name, kind: null, description: null, required: null, options: null, declared: null, training: null, sources: [] };
        features.set(name, d);
      }
      if (!d.sources.includes(source)) d.sources.push(source);
      return d;
    },
  };
}
