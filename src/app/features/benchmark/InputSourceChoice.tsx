import type { InputSource } from '../../../core/benchmark/plan';

interface Props {
  /** The radio group's name: unique per model and form. */
  readonly name: string;
  readonly value: InputSource;
  readonly hasExample: boolean;
  /** How the form uses the package's example ("the package’s example, repeated to the batch size"). */
  readonly exampleLabel: string;
  onChange(value: InputSource): void;
}

/** Which inputs the timed runs get: the package's example (when it ships one) or seeded random values (Benchmark form, Speed tab). */
export function InputSourceChoice({ name, value, hasExample, exampleLabel, onChange }: Props) {
  return (
    <fieldset>
      <legend>Inputs</legend>
      <div className="choice-row">
        <label className="field-inline">
          <input type="radio" name={name} checked={value === 'example'} disabled={!hasExample} onChange={() => onChange('example')} />
          {exampleLabel}
        </label>
        <label className="field-inline">
          <input type="radio" name={name} checked={value === 'random'} onChange={() => onChange('random')} />
          random values (seeded)
        </label>
      </div>
    </fieldset>
  );
}
