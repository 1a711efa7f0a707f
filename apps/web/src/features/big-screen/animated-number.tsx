import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { dash } from './big-screen-format';

const prefersReducedMotion = (): boolean =>
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

/**
 * The value to draw while `target` changes: eases from what is shown now to the new target
 * over `durationMs` (cubic ease-out), so a number that moves every second glides rather than jumps.
 */
export function useAnimatedNumber(target: number | null, durationMs = 800): number | null {
  const [shown, setShown] = useState<number | null>(target);
  const shownRef = useRef<number | null>(target);

  useEffect(() => {
    const from = shownRef.current;
    if (target === null || from === null || from === target || prefersReducedMotion()) {
      shownRef.current = target;
      setShown(target);
      return undefined;
    }
    const start = performance.now();
    let frame = requestAnimationFrame(function step(now: number) {
      const progress = Math.min(1, (now - start) / durationMs);
      const eased = 1 - (1 - progress) ** 3;
      const value = progress >= 1 ? target : from + (target - from) * eased;
      shownRef.current = value;
      setShown(value);
      if (progress < 1) frame = requestAnimationFrame(step);
    });
    return () => cancelAnimationFrame(frame);
  }, [target, durationMs]);

  return shown;
}

export interface AnimatedNumberProps {
  value: number | null;
  format: (value: number) => string;
  /** What null shows; "—" unless the metric says more (dwell: "unknown"). */
  empty?: string;
  className?: string;
  style?: CSSProperties;
  testId?: string;
}

/** A number that animates to each new value; null shows `empty`. The exact value is in `data-value`. */
export function AnimatedNumber({
  value,
  format,
  empty = dash,
  className,
  style,
  testId,
}: AnimatedNumberProps) {
  const shown = useAnimatedNumber(value);
  return (
    <span className={className} style={style} data-testid={testId} data-value={value ?? ''}>
      {shown === null ? empty : format(shown)}
    </span>
  );
}
