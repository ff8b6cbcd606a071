import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface TabDefinition {
  readonly id: string;
  readonly label: string;
  readonly render: () => ReactNode;
}

/** A request from elsewhere in the page to show a tab (e.g. "show this node in the graph"); each new `seq` is obeyed once. */
export interface TabRequest {
  readonly id: string;
  readonly seq: number;
}

/** WAI-ARIA tabs: arrow keys move between tabs, only the chosen panel is rendered. */
export function Tabs({ label, tabs, initial, request, onSelect }: { label: string; tabs: readonly TabDefinition[]; initial?: string; request?: TabRequest | null; onSelect?: (id: string) => void }) {
  const [selected, setSelected] = useState(initial ?? tabs[0]?.id);
  const [obeyed, setObeyed] = useState(request?.seq ?? 0);
  if (request && request.seq !== obeyed) {
    setObeyed(request.seq);
    setSelected(request.id);
  }
  const prefix = useId();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (event: KeyboardEvent, index: number): void => {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const target = event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : delta ? (index + delta + tabs.length) % tabs.length : -1;
    if (target < 0) return;
    event.preventDefault();
    setSelected(tabs[target]!.id);
    buttons.current[target]?.focus();
  };
  const current = tabs.find((t) => t.id === selected) ?? tabs[0];
  // Whoever keeps the tab elsewhere (the address) hears every change, by click, key or request.
  const currentId = current?.id;
  useEffect(() => {
    if (currentId) onSelect?.(currentId);
  }, [currentId, onSelect]);
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tab-list">
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${prefix}-tab-${tab.id}`}
            aria-selected={tab.id === current?.id}
            aria-controls={`${prefix}-panel-${tab.id}`}
            tabIndex={tab.id === current?.id ? 0 : -1}
            onClick={() => setSelected(tab.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {current && (
        <div role="tabpanel" id={`${prefix}-panel-${current.id}`} aria-labelledby={`${prefix}-tab-${current.id}`} className="tab-panel">
          {current.render()}
        </div>
      )}
    </div>
  );
}
