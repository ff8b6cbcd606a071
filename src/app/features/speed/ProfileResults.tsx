import { lazy, Suspense } from 'react';
import { formatMsPlain } from '../../../core/benchmark/report';
import { configKey, configLabel, type WebGpuAdapterInfo } from '../../../core/benchmark/run';
import { sessionConfigLabel } from '../../../core/protocol/session-options';
import type { ConfigProfile } from '../../../core/profile/config-profile';
import { COLD_START_STEPS, coldStartRows } from '../../../core/profile/speed-series';
import { explainProfiles } from '../../../core/profile/speed-explanation';
import { OperatorColumn } from './OperatorColumn';
import { PlacementView } from './PlacementView';

const ColdStartChart = lazy(() => import('./SpeedCharts').then((m) => ({ default: m.ColdStartChart })));

const cell = (ms: number | null): string => (ms === null ? '—' : formatMsPlain(ms));

/** A profile's findings: the cold start, where a warm run's time goes on each backend, and WebGPU's placement. */
export function ProfileResults({ profiles, adapter }: { profiles: readonly ConfigProfile[]; adapter: WebGpuAdapterInfo | null }) {
  const rows = coldStartRows(profiles, adapter);
  const webgpu = profiles.filter((p) => p.backend === 'webgpu');
  const explanation = explainProfiles(profiles, adapter);
  return (
    <>
      <section className="panel verdict" aria-labelledby="speed-explanation-title" data-testid="speed-explanation">
        <h3 id="speed-explanation-title">What this means</h3>
        <ul>
          {explanation.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="cold-start-title" data-testid="cold-start">
        <h3 id="cold-start-title">Cold start</h3>
        <Suspense fallback={<p className="muted">Loading the chart…</p>}>
          <ColdStartChart rows={rows} />
        </Suspense>
        <div className="table-scroll">
          <table className="data-table numeric" data-testid="cold-start-table">
            <caption>
              Milliseconds. Reading happened once, when the model was opened. The runtime start is what a new page pays (in an engine started for the profile);
              WebGPU compiles its shaders during the first run.
            </caption>
            <thead>
              <tr>
                <th scope="col">Backend</th>
                {COLD_START_STEPS.map((s) => (
                  <th key={s.key} scope="col">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {profiles.map((p) => (
                <tr key={configKey(p)}>
                  <th scope="row">
                    {configLabel(p, adapter)}
                    <span className="muted cell-note">batch {p.batchSize}</span>
                    {p.session && <span className="muted cell-note">{sessionConfigLabel(p.session)}</span>}
                  </th>
                  {COLD_START_STEPS.map((s) => (
                    <td key={s.key}>{cell(p.coldStart[s.key])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="operators-title">
        <h3 id="operators-title">Where a warm run’s time goes</h3>
        <div className="side-by-side">
          {profiles.map((p) => (
            <OperatorColumn key={configKey(p)} profile={p} adapter={adapter} />
          ))}
        </div>
      </section>
      {webgpu.map((p) => (
        <section key={configKey(p)} className="panel" aria-labelledby="placement-title">
          <h3 id="placement-title">Where the nodes run on WebGPU</h3>
          <PlacementView profile={p} />
        </section>
      ))}
    </>
  );
}
