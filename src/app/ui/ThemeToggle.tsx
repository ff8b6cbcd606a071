import { useAppState } from '../app-context';
import type { Theme } from '../store/settings-slice';

const THEMES: readonly { value: Theme; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function ThemeToggle() {
  const theme = useAppState((s) => s.theme);
  const setTheme = useAppState((s) => s.setTheme);
  return (
    <label className="field-inline">
      Theme
      <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
        {THEMES.map((t) => (
          <option key={t.value} value={t.value}>
            {t.label}
          </option>
        ))}
      </select>
    </label>
  );
}
