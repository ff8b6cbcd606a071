import { sliderRange, type Feature } from './signature';

/** A step that gives about 100 slider positions, rounded to 1, 2 or 5 × a power of ten. */
export function niceStep(min: number, max: number, integer: boolean): number {
  const raw = (max - min) / 100;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  return integer ? Math.max(1, Math.round(step)) : step;
}

/** The line under a feature's control: its description, then its allowed and training ranges. */
export function featureHint(feature: Feature): string {
  const rangeText = [
    feature.declared ? `allowed ${feature.declared.min ?? '−∞'} to ${feature.declared.max ?? '∞'}` : null,
    feature.training ? `training range ${feature.training.min ?? '−∞'} to ${feature.training.max ?? '∞'}` : null,
  ]
    .filter(Boolean)
    .join('; ');
  return [feature.description, rangeText].filter(Boolean).join(' · ');
}

/** A numeric feature's slider (when a range is known: its bounds, step and position) and the number its text entry holds (when it holds one). */
export function numberControl(feature: Feature, value: string | boolean): { slider: { min: number; max: number; step: number; value: number } | null; numeric: number | undefined } {
  const parsed = Number(value);
  const numeric = Number.isFinite(parsed) && value !== '' ? parsed : undefined;
  const range = sliderRange(feature);
  if (!range) return { slider: null, numeric };
  const position = numeric !== undefined ? Math.min(range.max, Math.max(range.min, numeric)) : range.min;
  return { slider: { ...range, step: niceStep(range.min, range.max, feature.kind === 'integer'), value: position }, numeric };
}
