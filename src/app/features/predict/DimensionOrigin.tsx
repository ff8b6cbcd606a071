import type { ReadyModel } from '../../store/models-slice';

/** Where a symbolic dimension's size came from ("metadata.json max_sequence_length"), or that the user changed it. */
export function DimensionOrigin({ model, name }: { model: ReadyModel; name: string }) {
  const start = model.facts.dimensions.find((d) => d.name === name);
  if (!start) return null;
  const now = model.dims[name] ?? start.value;
  return (
    <span className="muted dim-origin" data-testid={`dim-origin-${name}`}>
      {now === start.value ? `from ${start.detail}` : `your choice (started at ${start.value}, from ${start.detail})`}
    </span>
  );
}
