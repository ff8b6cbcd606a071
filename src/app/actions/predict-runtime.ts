/**
 * What the Predict tab needs beyond the first page load (ajv, papaparse and the
 * schema code), gathered so that predict-actions can import it lazily.
 */
export * from './scoring-runtime';
export { rowsToFeeds, feedToRows } from '../../core/schema/row-feeds';
export { readPredictions } from '../../core/schema/prediction';
export { batchCsvPieces, batchJsonPieces } from '../../core/schema/batch-export';
export { batchOutputsPieces } from '../../core/schema/batch-outputs';
export { outputsDocument } from '../../core/schema/outputs';
export { tensorFromJsonText, tensorFromNpy, tensorToJsonText, shapeProblem } from '../../core/schema/tensor-input';
export { defaultPixelScale, imageToTensor, tensorPreview, describeImageMapping } from '../../core/schema/image-input';
export { javascriptSnippet, pythonSnippet, mlflowBody } from '../../core/schema/snippets';
