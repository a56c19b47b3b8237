/**
 * Ridge regression on standardised features, and cross-validation grouped by participant. Pure and
 * small on purpose: the readiness model has a handful of features and 70 rows, so a closed-form
 * solve is exact and fast, and an interpretable linear model is what the report can explain.
 */
export interface Row {
  readonly x: readonly number[];
  readonly y: number;
  /** Rows with the same group (participant) are never split between training and validation. */
  readonly group: string;
}

export interface Fit {
  readonly mean: number[];
  readonly sd: number[];
  /** Per standardised feature, in units of y. */
  readonly weights: number[];
  readonly intercept: number;
}

const avg = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and symmetric positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/** Fits y ≈ intercept + Σ w·z with z the features standardised on these rows; lambda is the L2 penalty. */
export function fitRidge(rows: readonly Row[], lambda: number): Fit {
  const p = rows[0]?.x.length ?? 0;
  const mean = Array.from({ length: p }, (_, j) => avg(rows.map((r) => r.x[j]!)));
  const sd = mean.map((mu, j) => Math.sqrt(avg(rows.map((r) => (r.x[j]! - mu) ** 2))) || 1);
  const z = rows.map((r) => r.x.map((v, j) => (v - mean[j]!) / sd[j]!));
  const ym = avg(rows.map((r) => r.y));
  const a = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => z.reduce((s, zr) => s + zr[i]! * zr[j]!, 0) + (i === j ? lambda : 0)));
  const b = Array.from({ length: p }, (_, i) => z.reduce((s, zr, k) => s + zr[i]! * (rows[k]!.y - ym), 0));
  return { mean, sd, weights: p ? solve(a, b) : [], intercept: ym };
}

export const predict = (fit: Fit, x: readonly number[]): number =>
  fit.intercept + x.reduce((s, v, j) => s + fit.weights[j]! * ((v - fit.mean[j]!) / fit.sd[j]!), 0);

export function pearson(a: readonly number[], b: readonly number[]): number {
  const [ma, mb] = [avg(a), avg(b)];
  let n = 0, da = 0, db = 0;
  a.forEach((x, i) => {
    n += (x - ma) * (b[i]! - mb);
    da += (x - ma) ** 2;
    db += (b[i]! - mb) ** 2;
  });
  return da > 0 && db > 0 ? n / Math.sqrt(da * db) : 0;
}

export interface CrossValidation {
  /** Out-of-fold prediction for every row, in input order. */
  readonly predictions: number[];
  readonly r: number;
  /** Root mean squared error of the out-of-fold predictions. */
  readonly rmse: number;
}

/** Leave-one-group-out: each participant's interviews are predicted by a model fitted without them. */
export function crossValidate(rows: readonly Row[], lambda: number): CrossValidation {
  const predictions = rows.map(() => 0);
  for (const g of new Set(rows.map((r) => r.group))) {
    const fit = fitRidge(rows.filter((r) => r.group !== g), lambda);
    rows.forEach((r, i) => {
      if (r.group === g) predictions[i] = predict(fit, r.x);
    });
  }
  const ys = rows.map((r) => r.y);
  const rmse = Math.sqrt(avg(rows.map((r, i) => (r.y - predictions[i]!) ** 2)));
  return { predictions, r: pearson(predictions, ys), rmse };
}
