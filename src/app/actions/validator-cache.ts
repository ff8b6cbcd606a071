import type { Signature } from '../../core/schema/signature';
import type { RowValidator } from '../../core/schema/validate-row';
import type { ModelLifecycle } from './model-lifecycle';

/** Each open model's compiled row validator (ajv), compiled once and shared by Predict, Drift and Compare. */
export interface ValidatorCache {
  of(model: { readonly id: string; readonly facts: { readonly signature: Signature } }, compile: (signature: Signature) => RowValidator): RowValidator;
}

export function createValidatorCache(lifecycle: ModelLifecycle): ValidatorCache {
  const validators = new Map<string, RowValidator>();
  lifecycle.onClose((id) => validators.delete(id));
  return {
    of(model, compile) {
      let validator = validators.get(model.id);
      if (!validator) {
        validator = compile(model.facts.signature);
        validators.set(model.id, validator);
      }
      return validator;
    },
  };
}
