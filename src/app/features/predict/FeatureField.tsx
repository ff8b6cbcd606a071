import { useId } from 'react';
import { featureHint, numberControl } from '../../../core/schema/feature-control';
import type { Feature } from '../../../core/schema/signature';
import type { InputIssue } from '../../../core/schema/validate-row';

interface Props {
  readonly id: string;
  readonly feature: Feature;
  readonly value: string | boolean;
  readonly issues: readonly InputIssue[];
  readonly onChange: (value: string | boolean) => void;
}

interface ControlProps {
  readonly feature: Feature;
  readonly value: string | boolean;
  readonly labelId: string;
  readonly describedBy: string | undefined;
  readonly invalid: boolean;
  readonly onChange: (value: string | boolean) => void;
}

/** A number: a slider over the known range (if any) and an exact text entry. */
function NumberEntry({ feature, value, labelId, describedBy, invalid, onChange }: ControlProps) {
  const { slider, numeric } = numberControl(feature, value);
  return (
    <span className="number-entry">
      {slider && (
        <input
          type="range"
          aria-labelledby={labelId}
          aria-describedby={describedBy}
          min={slider.min}
          max={slider.max}
          step={slider.step}
          value={slider.value}
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
        aria-valuenow={numeric}
        value={String(value)}
        onChange={(e) => onChange(e.target.value)}
      />
    </span>
  );
}

/** The control a feature's kind calls for: switch, select, number entry or text. */
function FeatureControl(props: ControlProps) {
  const { feature, value, labelId, describedBy, invalid, onChange } = props;
  if (feature.kind === 'boolean') {
    return <input type="checkbox" role="switch" aria-labelledby={labelId} aria-describedby={describedBy} checked={value === true || value === 'true'} onChange={(e) => onChange(e.target.checked)} />;
  }
  if (feature.options && feature.options.length > 0) {
    return (
      <select aria-labelledby={labelId} aria-describedby={describedBy} aria-invalid={invalid} value={String(value)} onChange={(e) => onChange(e.target.value)}>
        {!feature.options.some((o) => String(o) === String(value)) && <option value={String(value)}>{String(value) || '—'}</option>}
        {feature.options.map((o) => (
          <option key={String(o)} value={String(o)}>
            {String(o)}
          </option>
        ))}
      </select>
    );
  }
  if (feature.kind === 'number' || feature.kind === 'integer') return <NumberEntry {...props} />;
  return <input type="text" aria-labelledby={labelId} aria-describedby={describedBy} aria-invalid={invalid} value={String(value)} onChange={(e) => onChange(e.target.value)} />;
}

/** One feature: number (slider + exact entry), enum (select), boolean (switch) or text; package text as text only. */
export function FeatureField({ feature, value, issues, onChange }: Props) {
  const uid = useId();
  const labelId = `${uid}-label`;
  const hintId = `${uid}-hint`;
  const invalid = issues.some((i) => i.severity === 'error');
  const warned = issues.some((i) => i.severity === 'warning');
  const hint = featureHint(feature);
  const className = `feature-field${invalid ? ' invalid' : warned ? ' warned' : ''}`;
  return (
    <div className={className}>
      <span id={labelId} className="feature-name">
        {feature.name}
      </span>
      <FeatureControl feature={feature} value={value} labelId={labelId} describedBy={hint ? hintId : undefined} invalid={invalid} onChange={onChange} />
      {hint && (
        <span id={hintId} className="feature-hint muted">
          {hint}
        </span>
      )}
    </div>
  );
}
