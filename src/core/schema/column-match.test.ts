import { describe, expect, it } from 'vitest';
import { buildSignature } from './signature';
import { findLabelColumn, matchColumns } from './column-match';

const FEATURES = ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)'];
const iris = buildSignature({ metadata: { feature_names: FEATURES }, mlmodel: null, inputs: [{ name: 'float_input', dtype: 'float32', shape: ['batch', 4] }] });

describe('matchColumns', () => {
  it('matches by name in any order and finds the label column', () => {
    const m = matchColumns(['target', 'petal width (cm)', 'sepal length (cm)', 'petal length (cm)', 'sepal width (cm)'], iris, { targetColumn: 'target' });
    expect(m).toMatchObject({ indices: [2, 4, 3, 1], labelIndex: 0, labelColumn: 'target', missing: [], misnamed: [], extra: [], runnable: true, problem: null });
  });

  it('reports a misnamed column, names it, and says the fix', () => {
    const m = matchColumns(['sepal length (cm)', 'sepal width (cm)', 'petal_length_cm', 'petal width (cm)', 'target'], iris);
    expect(m.runnable).toBe(false);
    expect(m.misnamed).toEqual([{ feature: 'petal length (cm)', column: 'petal_length_cm' }]);
    expect(m.problem!.message).toBe('The file’s columns do not match the model’s features: column “petal_length_cm” looks like feature “petal length (cm)”. Nothing was scored.');
    expect(m.problem!.hint).toMatch(/Rename that column in the file to the feature names \(“petal length \(cm\)”\), or accept the suggested matches/);
    // Accepting the suggestion.
    const fixed = matchColumns(['sepal length (cm)', 'sepal width (cm)', 'petal_length_cm', 'petal width (cm)', 'target'], iris, { renames: { petal_length_cm: 'petal length (cm)' } });
    expect(fixed).toMatchObject({ runnable: true, indices: [0, 1, 2, 3] });
  });

  it('reports missing and extra columns together', () => {
    const m = matchColumns(['sepal length (cm)', 'sepal width (cm)', 'colour', 'petal width (cm)', 'y'], iris);
    expect(m.missing).toEqual(['petal length (cm)']);
    expect(m.extra).toEqual(['colour']);
    expect(m.labelColumn).toBe('y');
    expect(m.problem!.message).toBe('The file’s columns do not match the model’s features: missing column “petal length (cm)”; column “colour” matches no feature. Nothing was scored.');
  });

  it('lets extra columns through (ignored) when every feature is there', () => {
    const m = matchColumns([...FEATURES, 'id'], iris);
    expect(m).toMatchObject({ runnable: true, extra: ['id'], labelIndex: null });
  });

  it('takes columns in order when the model names no features and the count fits', () => {
    const anonymous = buildSignature({ metadata: null, mlmodel: null, inputs: [{ name: 'x', dtype: 'float32', shape: ['N', 3] }] });
    expect(matchColumns(['a', 'b', 'label', 'c'], anonymous)).toMatchObject({ byPosition: true, indices: [0, 1, 3], labelIndex: 2, runnable: true });
    expect(matchColumns(['a', 'b'], anonymous).runnable).toBe(false);
  });
});

describe('matchColumns: the label', () => {
  const xy = buildSignature({ metadata: { feature_names: ['x', 'y'], target_column: 'price' }, mlmodel: null, inputs: [{ name: 'v', dtype: 'float32', shape: ['N', 2] }] });

  it('never takes a column that feeds a feature as the true label', () => {
    expect(matchColumns(['x', 'y'], xy, { targetColumn: 'price' })).toMatchObject({ indices: [0, 1], labelIndex: null, labelColumn: null, runnable: true });
    // Nothing declared: “y” is still a feature, not the label.
    expect(matchColumns(['x', 'y'], xy)).toMatchObject({ indices: [0, 1], labelIndex: null });
    expect(matchColumns(['y', 'x', 'target'], xy)).toMatchObject({ indices: [1, 0], labelIndex: 2, labelColumn: 'target' });
  });

  it('takes only the declared target_column as the label, never the fallback names', () => {
    expect(matchColumns(['x', 'y', 'target'], xy, { targetColumn: 'price' })).toMatchObject({ labelIndex: null, extra: ['target'] });
    expect(matchColumns(['x', 'price', 'y'], xy, { targetColumn: 'price' })).toMatchObject({ indices: [0, 2], labelIndex: 1, labelColumn: 'price' });
  });
});

describe('matchColumns: suggestions', () => {
  const sensors = buildSignature({ metadata: { feature_names: ['sensor_a_reading', 'sensor_b_reading'] }, mlmodel: null, inputs: [{ name: 'v', dtype: 'float32', shape: ['N', 2] }] });

  it('suggests a column for the feature it names exactly (normalised) before any near miss', () => {
    const m = matchColumns(['Sensor B Reading', 'sensor_a_readng'], sensors);
    expect(m.misnamed).toEqual([
      { feature: 'sensor_a_reading', column: 'sensor_a_readng' },
      { feature: 'sensor_b_reading', column: 'Sensor B Reading' },
    ]);
    const renames = Object.fromEntries(m.misnamed.map((x) => [x.column, x.feature]));
    expect(matchColumns(['Sensor B Reading', 'sensor_a_readng'], sensors, { renames })).toMatchObject({ indices: [1, 0], runnable: true });
  });

  it('makes no suggestion when a feature is as near to two columns (a tie is not guessed)', () => {
    const m = matchColumns(['sensor_a_readinx', 'sensor_a_readinz', 'sensor_b_reading'], sensors);
    expect(m.misnamed).toEqual([]);
    expect(m.missing).toEqual(['sensor_a_reading']);
    expect(m.runnable).toBe(false);
  });
});

describe('matchColumns: duplicate columns', () => {
  const az = buildSignature({ metadata: { feature_names: ['a', 'z'] }, mlmodel: null, inputs: [{ name: 'v', dtype: 'float32', shape: ['N', 2] }] });

  it('refuses a file with two columns named after one feature, naming the column and its positions', () => {
    const m = matchColumns(['a', 'z', 'a'], az);
    expect(m.runnable).toBe(false);
    expect(m.extra).toEqual([]);
    expect(m.problem!.message).toBe('The file’s columns are ambiguous: “a” appears 2 times (columns 1 and 3), so it cannot tell which one to use. Nothing was scored.');
    expect(m.problem!.hint).toBe('Keep one column of each name (rename or delete the others), then open the file again.');
  });

  it('refuses two label columns of the same name, and lets other repeated columns through as ignored', () => {
    expect(matchColumns(['a', 'target', 'z', ' target'], az).problem!.message).toContain('“target” appears 2 times (columns 2 and 4)');
    expect(matchColumns(['a', 'z', 'id', 'id'], az)).toMatchObject({ runnable: true, extra: ['id', 'id'] });
  });
});

describe('findLabelColumn', () => {
  it('takes metadata’s target_column when declared, else target / label / y', () => {
    expect(findLabelColumn(['a', 'species', 'target'], 'species')).toBe(1);
    expect(findLabelColumn(['a', 'target'], 'species')).toBeNull();
    expect(findLabelColumn(['a', 'Label'])).toBe(1);
    expect(findLabelColumn(['a', 'b'])).toBeNull();
    expect(findLabelColumn(['y', 'label'], null, new Set([0]))).toBe(1);
  });
});
