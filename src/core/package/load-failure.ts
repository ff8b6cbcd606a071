import { engineError, type EngineError } from '../protocol/engine-error';

/**
 * What onnxruntime's refusal to load a model means, in the user's terms. Its own message
 * names the operator; the advice depends on why it is missing (a custom domain needs its
 * custom-op library, which no re-export to a lower opset can replace).
 */
export function sessionLoadError(detail: string): EngineError {
  const custom = /([\w.-]+):(\w+)\(-?\d+\) is not a registered function\/op/.exec(detail);
  if (custom && custom[1] !== 'ai.onnx') {
    const [, domain, op] = custom;
    return engineError(
      'session-failed',
      `The model uses the operator “${op}” from the custom domain “${domain}”, which onnxruntime does not have: it comes from a custom-op library that was registered where the model was made.`,
      `onnxruntime-web cannot load custom-op libraries. Re-export the model without “${op}” (standard ONNX operators only), or run it where the “${domain}” custom-op library is installed.`,
    );
  }
  const unregistered = /No Op registered for (\w+) with domain_version of (\d+)/.exec(detail);
  if (unregistered) {
    const [, op, opset] = unregistered;
    return engineError(
      'session-failed',
      `The model uses an operator “${op}” that the standard ONNX domain does not have at opset ${opset}: it is misspelt, custom (without a domain of its own), or from a newer opset than this runtime knows.`,
      `Check the exporter's output for “${op}”; re-export with standard operators, or with an opset this onnxruntime supports.`,
    );
  }
  const noKernel = /Could not find an implementation for (\w+)\((\d+)\)/.exec(detail);
  if (noKernel) {
    const [, op, opset] = noKernel;
    return engineError(
      'session-failed',
      `onnxruntime has no implementation of “${op}” (opset ${opset}) for the input types this model gives it on this backend.`,
      'Try the other backend, or re-export the model with types the operator supports there (float32 is supported everywhere).',
    );
  }
  return engineError(
    'session-failed',
    `onnxruntime could not load the model: ${detail}`,
    'The model may use an operator or opset this runtime does not support, or need an external-data file. Try the other backend, or re-export with a lower opset.',
  );
}
