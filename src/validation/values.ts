import { Duration } from 'cdk8s';

/** An HTTP header name (an RFC 7230 token). */
export const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;

/**
 * Durations must be whole milliseconds, at least 1ms (Istio rejects shorter ones). `zeroFix` is the
 * fix for a zero, which means "none" to whoever writes it: leaving the field out, never a tiny
 * duration (a 1ms timeout fails every request).
 */
export function durationProblems(what: string, duration: Duration, zeroFix?: string): string[] {
  const ms = duration.toMilliseconds({ integral: false });
  if (ms === 0 && zeroFix) return [`${what} of 0ms is shorter than the 1ms Istio accepts; ${zeroFix}.`];
  if (!(ms >= 1) || !Number.isInteger(ms)) {
    return [`${what} of ${ms}ms is not a whole number of milliseconds of at least 1ms; use e.g. Duration.millis(1) or Duration.seconds(5).`];
  }
  return [];
}
