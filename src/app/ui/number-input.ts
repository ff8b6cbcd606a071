/** A number input's value: empty while the field holds no number (NaN), so typing is never overwritten. */
export const numberInputValue = (n: number): number | string => (Number.isNaN(n) ? '' : n);
