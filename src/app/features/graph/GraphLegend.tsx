import type { OverlayLegend } from '../../../core/graph/overlays';

/** What the overlay's colours mean, and what the figures rest on. */
export function GraphLegend({ legend }: { legend: OverlayLegend }) {
  return (
    <section className="graph-legend" aria-labelledby="graph-legend-title" data-testid="graph-legend">
      <h4 id="graph-legend-title">{legend.title}</h4>
      <ul className="graph-legend-items">
        {legend.items.map((item) => (
          <li key={item.tone + item.label}>
            <span className={`graph-swatch tone-${item.tone}`} aria-hidden="true" />
            {item.label}
          </li>
        ))}
      </ul>
      {legend.notes.map((note) => (
        <p key={note} className="muted">
          {note}
        </p>
      ))}
    </section>
  );
}
