/**
 * "About 2 min left" for imports and exports, from the pace so far: the average time per unit
 * done, times the units left. Rounded coarsely, as a download dialog does, so it does not flicker.
 */
import { useEffect, useState } from 'react';

export interface Pace {
  /** When timing began (ms), and how many units were done then (an export restarts per phase). */
  startedAt: number;
  from: number;
  /** When `done` last moved. */
  lastAt: number;
  done: number;
  total: number;
}

/** Below this much measured time one slow first unit would give a wild figure: say "estimating". */
const MIN_SAMPLE_MS = 500;

/** Milliseconds left, or null while there is too little to go on. */
export function msLeft(pace: Pace, now: number): number | null {
  const counted = pace.done - pace.from;
  if (pace.total > 0 && pace.done >= pace.total) return 0;
  if (counted <= 0 || pace.total <= 0 || pace.lastAt - pace.startedAt < MIN_SAMPLE_MS) return null;
  const perUnit = (pace.lastAt - pace.startedAt) / counted;
  const left = pace.total - pace.done;
  // The unit in flight is credited for the time already spent on it, but never below zero: a file
  // slower than the average must not make the estimate claim it is nearly over.
  return perUnit * (left - 1) + Math.max(0, perUnit - (now - pace.lastAt));
}

export function formatTimeLeft(ms: number | null): string {
  if (ms === null) return 'estimating time left…';
  const s = ms / 1000;
  if (s < 10) return 'a few seconds left';
  if (s < 50) return `about ${Math.ceil(s / 10) * 10} s left`;
  const min = Math.max(1, Math.round(s / 60));
  if (min < 60) return `about ${min} min left`;
  return `about ${Math.floor(min / 60)} h ${min % 60} min left`;
}

/** The current time, refreshed every `everyMs` while `active`, so an estimate counts down between updates. */
export function useNow(everyMs: number, active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs, active]);
  return now;
}
