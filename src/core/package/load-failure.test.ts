import { describe, expect, it } from 'vitest';
import { sessionLoadError } from './load-failure';

describe('sessionLoadError', () => {
  it('names a custom operator and its domain, and never suggests a lower opset', () => {
    const error = sessionLoadError('Load model from m.onnx failed:Fatal error: com.example.custom:FancyNormalize(-1) is not a registered function/op');
    expect(error.message).toBe('The model uses the operator “FancyNormalize” from the custom domain “com.example.custom”, which onnxruntime does not have: it comes from a custom-op library that was registered where the model was made.');
    expect(error.hint).toMatch(/Re-export the model without “FancyNormalize”.*“com\.example\.custom” custom-op library/);
    expect(error.hint).not.toMatch(/lower opset/);
  });

  it('says an unknown standard-domain operator is misspelt, custom or newer', () => {
    const error = sessionLoadError('This is an invalid model. In Node, ("", FancyNormalize, "", -1) : ("x": tensor(float),) -> ("y": tensor(float),) , Error No Op registered for FancyNormalize with domain_version of 17');
    expect(error.message).toMatch(/^The model uses an operator “FancyNormalize” that the standard ONNX domain does not have at opset 17/);
  });

  it('keeps onnxruntime’s words for anything else', () => {
    expect(sessionLoadError('something odd').message).toBe('onnxruntime could not load the model: something odd');
  });
});
