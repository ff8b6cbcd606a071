/**
 * Reading tables on the page, beyond the first page load (papaparse, the schema code):
 * gathered so that Predict, Drift and Compare import it lazily, and share one chunk. The
 * scoring itself runs in the engine's worker (core/scoring/score-request.ts).
 */
export { csvRows, csvHeader, readCsvTable } from '../../core/scoring/table-rows';
export { matchColumns } from '../../core/schema/column-match';
export { createRowValidator } from '../../core/schema/validate-row';
export { tableFromJson, parseBatchJson } from '../../core/schema/batch-json';
