/**
 * What the Predict tab needs beyond the first page load (ajv, papaparse and the
 * schema code), gathered so that predict-actions can import it lazily.
 */
export { default as Papa } from 'papaparse';
export { buildSignature } from '../../core/schema/signature';
export { createRowValidator } from '../../core/schema/validate-row';
export { rowsToFeeds, feedToRows } from '../../core/schema/row-feeds';
export { planPrediction, readPredictions, classesFromMetadataProps } from '../../core/schema/prediction';
export { matchColumns } from '../../core/schema/column-match';
export { tableFromJson, parseBatchJson, CSV_SKIP_EMPTY_LINES } from '../../core/schema/batch-json';
export { prepareChunk, finishChunk, nextChunkRows } from '../../core/schema/batch-chunk';
export { createBatchTally } from '../../core/schema/batch-summary';
export { batchCsvParts, batchJsonParts } from '../../core/schema/batch-export';
export { batchOutputsDocument } from '../../core/schema/batch-outputs';
export { outputsDocument } from '../../core/schema/outputs';
export { tensorFromJsonText, tensorFromNpy, tensorToJsonText, shapeProblem } from '../../core/schema/tensor-input';
export { defaultPixelScale, imageToTensor, tensorPreview, describeImageMapping } from '../../core/schema/image-input';
export { javascriptSnippet, pythonSnippet, mlflowBody } from '../../core/schema/snippets';
