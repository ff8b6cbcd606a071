import Ajv from 'ajv';
import { CHECK_REPORT_SCHEMA } from './check-report-schema';

/**
 * A validator for check reports (compile once, call per report): the schema errors, empty when
 * valid. For Node (the CLI, tests) only: ajv compiles with `new Function`, which the page's
 * Content-Security-Policy forbids, so the app never imports this module (a wall in
 * tools/walls/import-walls.js says so).
 */
export function createCheckReportValidator(): (value: unknown) => string[] {
  const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(CHECK_REPORT_SCHEMA);
  return (value) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`));
}
