import { Duration } from 'cdk8s';

/** An HTTP header name (an RFC 7230 token). */
export const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;

/** Durations must be whole milliseconds, at least 1ms (Istio rejects shorter ones). */
export function durationProblems(what: string, duration: Duration): string[] {
  const ms = duration.toMilliseconds({ integral: false });
  if (!(ms >= 1) || !Number.isInteger(ms)) {
    return [`${what} of ${ms}ms is not a whole number of milliseconds of at least 1ms; use e.g. Duration.millis(1) or Duration.seconds(5).`];
  }
  return [];
}
