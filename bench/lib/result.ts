/** One figure of a benchmark, printed as a JSON line (SPEC §8). */
export interface BenchFigure {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  baseline?: string;
  baselineValue?: number;
  ratio?: number;
}

export function figure(
  bench: string,
  metric: string,
  value: number,
  unit: string,
  baseline?: { name: string; value: number },
): BenchFigure {
  const rounded = Math.round(value * 1000) / 1000;
  if (!baseline) return { bench, metric, value: rounded, unit };
  return {
    bench,
    metric,
    value: rounded,
    unit,
    baseline: baseline.name,
    baselineValue: Math.round(baseline.value * 1000) / 1000,
    ratio: baseline.value === 0 ? 0 : Math.round((value / baseline.value) * 1000) / 1000,
  };
}

/** Progress for people on stderr, so stdout stays machine-readable. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
