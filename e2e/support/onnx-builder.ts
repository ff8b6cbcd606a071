// The test model builder lives in core (src/core/package/onnx-builder.fixture.ts), so that unit
// tests in src/ use it without importing e2e/; end-to-end specs import it from here as before.
export { cpuFallbackModel, customOpModel, linearRegressor, twoInputModel, zipMapClassifier } from '../../src/core/package/onnx-builder.fixture';
