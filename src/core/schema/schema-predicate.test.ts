import { Validator, type Schema } from '@cfworker/json-schema';
import { describe, expect, it } from 'vitest';
import { seededRandom } from './host-tensor';
import { compileSchemaExplainer, compileSchemaPredicate } from './schema-predicate';
import { compileNumericCheck } from './row-fast-lane';
import type { Feature } from './signature';

const SCHEMAS: Schema[] = [
  { type: 'object', properties: { a: { type: 'number', minimum: 1.1, maximum: 6.9 }, b: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 2 } }, required: ['a'] },
  { type: 'object', properties: { rooms: { type: 'integer', minimum: 0 }, colour: { enum: ['red', 'blue', 3, null] }, garden: { type: 'boolean' }, note: { type: ['string', 'null'] } }, required: ['rooms', 'garden'] },
  { properties: { k: { const: 'x', description: 'only x' }, n: { type: 'integer', maximum: 10, title: 'n' } }, $schema: 'http://json-schema.org/draft-07/schema#' },
  { type: 'object', properties: { any: true, s: { type: 'string' } }, required: ['s', 'absent'] },
];

const VALUES = [0, 1, 1.1, 1.5, 2, 6.9, 7, -3, 10, 11, 2.5, 'x', 'red', 'blue', 'green', '', true, false, null, 3];

describe('compileSchemaPredicate', () => {
  it('agrees with a JSON Schema validator on every instance tried', () => {
    const random = seededRandom(7);
    for (const schema of SCHEMAS) {
      const predicate = compileSchemaPredicate(schema);
      expect(predicate).not.toBeNull();
      const validator = new Validator(schema, '7', true);
      const names = [...Object.keys(schema.properties ?? {}), 'absent', 'extra'];
      for (let i = 0; i < 3000; i++) {
        const object: Record<string, number | string | boolean | null> = {};
        for (const name of names) if (random() < 0.7) object[name] = VALUES[Math.floor(random() * VALUES.length)]!;
        expect(predicate!(object), JSON.stringify({ schema, object })).toBe(validator.validate(object).valid);
      }
    }
  });

  it('explains a failure exactly as the validator does (less its "properties" wrappers), and orders by position alike', () => {
    const random = seededRandom(13);
    let failures = 0;
    for (const schema of [...SCHEMAS, { type: 'object', properties: { 'a/b~c d': { type: ['number', 'null'], minimum: 0, exclusiveMaximum: 2 }, e: { type: 'integer', const: 3 } }, required: ['e'] } as Schema]) {
      const explain = compileSchemaExplainer(schema)!;
      const predicate = compileSchemaPredicate(schema)!;
      const validator = new Validator(schema, '7', false);
      const names = Object.keys(schema.properties ?? {});
      // The validator's quick check of rows of numbers (bounds compared in a loop): the same answer for such rows.
      const numeric = compileNumericCheck(names.map((name): Feature => ({ name, kind: 'number', description: null, required: false, options: null, declared: null, training: null, sources: [] })), schema);
      for (let i = 0; i < 3000; i++) {
        const object: Record<string, number | string | boolean | null> = {};
        for (const name of [...names, 'extra']) if (random() < 0.8) object[name] = VALUES[Math.floor(random() * VALUES.length)]!;
        const expected = validator.validate(object).errors.filter((e) => e.keyword !== 'properties');
        expect(explain(object), JSON.stringify({ schema, object })).toEqual(expected);
        failures += expected.length > 0 ? 1 : 0;
        const row = names.map((n) => object[n]);
        if (numeric && row.every((v) => typeof v === 'number' && Number.isFinite(v))) expect(numeric(row as number[]), JSON.stringify({ schema, object })).toBe(predicate(object));
      }
    }
    expect(failures).toBeGreaterThan(3000);
  });

  it('declines what it does not know for sure, so the validator decides', () => {
    // Cast: some of these are not even valid schemas to the type, which is the point.
    const declined = [
      { type: 'object', properties: { a: { type: 'number', multipleOf: 0.5 } } },
      { type: 'object', properties: { a: { type: 'string', format: 'date-time' } } },
      { type: 'object', properties: { a: { enum: [[1], { b: 2 }] } } },
      { type: 'object', properties: { a: { anyOf: [{ type: 'number' }, { type: 'string' }] } } },
      { type: 'object', properties: { a: false } },
      { type: 'object', additionalProperties: false, properties: { a: { type: 'number' } } },
      { type: 'object', properties: { a: { type: 'number', exclusiveMinimum: true, minimum: 0 } } },
      { type: 'object', properties: { a: { type: 'decimal' } } },
      { type: 'array' },
    ] as unknown as Schema[];
    for (const schema of declined) {
      expect(compileSchemaPredicate(schema), JSON.stringify(schema)).toBeNull();
      expect(compileSchemaExplainer(schema), JSON.stringify(schema)).toBeNull();
    }
  });
});
