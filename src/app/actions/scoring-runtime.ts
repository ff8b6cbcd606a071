/**
 * Scoring a table, beyond the first page load (papaparse, ajv and the schema code):
 * gathered so that Predict, Drift and Compare import it lazily, and share one chunk.
 */
export { scoreTable } from './score-table';
export { csvRows, csvHeader, readCsvTable, arrayRows } from './table-rows';
export { matchColumns } from '../../core/schema/column-match';
export { createRowValidator } from '../../core/schema/validate-row';
export { tableFromJson, parseBatchJson } from '../../core/schema/batch-json';
