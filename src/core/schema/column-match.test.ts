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

describe('findLabelColumn', () => {
  it('prefers metadata’s target_column, then target / label / y', () => {
    expect(findLabelColumn(['a', 'species', 'target'], 'species')).toBe(1);
    expect(findLabelColumn(['a', 'Label'])).toBe(1);
    expect(findLabelColumn(['a', 'b'])).toBeNull();
  });
});
