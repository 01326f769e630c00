import { Duration } from 'cdk8s';

/** An HTTP header name (an RFC 7230 token). */
export const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;

/**
 * The fix for a name that is not a token, when it is one copied with its punctuation: a header as
 * curl's `-H "x-user: bob"` writes it, a query parameter with its `?` or `&`, surrounding spaces.
 */
export function tokenFix(name: string): string {
  const meant = name.trim().replace(/^[?&]/, '').replace(/[:=]$/, '').trim();
  return meant !== name && HEADER_NAME.test(meant) ? `; write ${JSON.stringify(meant)} (the name alone)` : '';
}

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
