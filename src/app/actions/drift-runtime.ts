/** What the Drift tab needs beyond the first page load, gathered so that drift-actions can import it lazily. */
export * from './scoring-runtime';
export { classShares, columnOf, driftReport, numericColumn } from '../../core/stats/drift-report';
export { driftReportFromBins } from '../../core/stats/drift-reference';
