export interface RegressionMetrics {
  readonly n: number;
  readonly rmse: number;
  readonly mse: number;
  readonly mae: number;
  /** Coefficient of determination; NaN when the true values are all equal. */
  readonly r2: number;
}

export function regressionMetrics(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): RegressionMetrics {
  if (yTrue.length !== yPred.length) throw new Error(`${yTrue.length} true values for ${yPred.length} predictions`);
  const n = yTrue.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += yTrue[i]!;
  mean /= n || 1;
  let se = 0;
  let ae = 0;
  let tot = 0;
  for (let i = 0; i < n; i++) {
    const d = yTrue[i]! - yPred[i]!;
    se += d * d;
    ae += Math.abs(d);
    tot += (yTrue[i]! - mean) ** 2;
  }
  const mse = n ? se / n : NaN;
  return { n, mse, rmse: Math.sqrt(mse), mae: n ? ae / n : NaN, r2: tot === 0 ? NaN : 1 - se / tot };
}
