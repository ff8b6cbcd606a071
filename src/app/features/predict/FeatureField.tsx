import { useId } from 'react';
import { sliderRange, type Feature } from '../../../core/schema/signature';
import type { InputIssue } from '../../../core/schema/validate-row';

interface Props {
  readonly id: string;
  readonly feature: Feature;
  readonly value: string | boolean;
  readonly issues: readonly InputIssue[];
  readonly onChange: (value: string | boolean) => void;
}

/** A step that gives about 100 slider positions, rounded to 1, 2 or 5 × a power of ten. */
function niceStep(min: number, max: number, integer: boolean): number {
  const raw = (max - min) / 100;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  return integer ? Math.max(1, Math.round(step)) : step;
}

/** One feature: number (slider + exact entry), enum (select), boolean (switch) or text; package text as text only. */
export function FeatureField({ feature, value, issues, onChange }: Props) {
  const uid = useId();
  const labelId = `${uid}-label`;
  const hintId = `${uid}-hint`;
  const range = sliderRange(feature);
  const invalid = issues.some((i) => i.severity === 'error');
  const warned = issues.some((i) => i.severity === 'warning');
  const rangeText = [
    feature.declared ? `allowed ${feature.declared.min ?? '−∞'} to ${feature.declared.max ?? '∞'}` : null,
    feature.training ? `training range ${feature.training.min ?? '−∞'} to ${feature.training.max ?? '∞'}` : null,
  ]
    .filter(Boolean)
    .join('; ');
  const hint = [feature.description, rangeText].filter(Boolean).join(' · ');
  const describedBy = hint ? hintId : undefined;
  const className = `feature-field${invalid ? ' invalid' : warned ? ' warned' : ''}`;

  let control;
  if (feature.kind === 'boolean') {
    control = (
      <input
        type="checkbox"
        role="switch"
        aria-labelledby={labelId}
        aria-describedby={describedBy}
        checked={value === true || value === 'true'}
        onChange={(e) => onChange(e.target.checked)}
      />
    );
  } else if (feature.options && feature.options.length > 0) {
    control = (
      <select aria-labelledby={labelId} aria-describedby={describedBy} aria-invalid={invalid} value={String(value)} onChange={(e) => onChange(e.target.value)}>
        {!feature.options.some((o) => String(o) === String(value)) && <option value={String(value)}>{String(value) || '—'}</option>}
        {feature.options.map((o) => (
          <option key={String(o)} value={String(o)}>
            {String(o)}
          </option>
        ))}
      </select>
    );
  } else if (feature.kind === 'number' || feature.kind === 'integer') {
    const numeric = Number(value);
    const step = range ? niceStep(range.min, range.max, feature.kind === 'integer') : feature.kind === 'integer' ? 1 : 'any';
    control = (
      <span className="number-entry">
        {range && (
          <input
            type="range"
            aria-labelledby={labelId}
            aria-describedby={describedBy}
            min={range.min}
            max={range.max}
            step={step}
            value={Number.isFinite(numeric) && value !== '' ? Math.min(range.max, Math.max(range.min, numeric)) : range.min}
            onChange={(e) => onChange(e.target.value)}
          />
        )}
        <input
          type="text"
          inputMode="decimal"
          role="spinbutton"
          aria-labelledby={labelId}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          aria-valuenow={Number.isFinite(numeric) && value !== '' ? numeric : undefined}
          value={String(value)}
          onChange={(e) => onChange(e.target.value)}
        />
      </span>
    );
  } else {
    control = <input type="text" aria-labelledby={labelId} aria-describedby={describedBy} aria-invalid={invalid} value={String(value)} onChange={(e) => onChange(e.target.value)} />;
  }

  return (
    <div className={className}>
      <span id={labelId} className="feature-name">
        {feature.name}
      </span>
      {control}
      {hint && (
        <span id={hintId} className="feature-hint muted">
          {hint}
        </span>
      )}
    </div>
  );
}
