/** What the Drift tab needs beyond the first page load, gathered so that drift-actions can import it lazily. */
export { default as Papa } from 'papaparse';
export { matchColumns } from '../../core/schema/column-match';
export { prepareChunk, finishChunk, nextChunkRows } from '../../core/schema/batch-chunk';
export { createRowValidator } from '../../core/schema/validate-row';
export { classShares, driftReport, numericColumn } from '../../core/stats/drift-report';
export { driftReportFromBins } from '../../core/stats/drift-reference';
