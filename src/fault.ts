import { Duration } from 'cdk8s';

/**
 * The kind of fault injected.
 */
export enum FaultKind {
  /** Delay the request before forwarding it. */
  DELAY = 'delay',
  /** Answer with an error status instead of forwarding. */
  ABORT = 'abort',
}

/**
 * Faults injected into matching requests, to test resilience (Istio API only).
 */
export class FaultInjection {
  /**
   * Delay `percentage` percent of requests by `delay`.
   *
   * @param delay how long to hold each affected request (whole milliseconds, at least 1ms)
   * @param percentage share of requests affected, from 0 to 100
   */
  public static delay(delay: Duration, percentage: number = 100): FaultInjection {
    return new FaultInjection(FaultKind.DELAY, percentage, delay, undefined);
  }

  /**
   * Answer `percentage` percent of requests with `httpStatus` instead of forwarding them.
   *
   * @param httpStatus the status to answer with, from 200 to 599
   * @param percentage share of requests affected, from 0 to 100
   */
  public static abort(httpStatus: number, percentage: number = 100): FaultInjection {
    return new FaultInjection(FaultKind.ABORT, percentage, undefined, httpStatus);
  }

  private constructor(
    /** Delay or abort. */
    public readonly kind: FaultKind,
    /** Share of requests affected, from 0 to 100. */
    public readonly percentage: number,
    /** The delay, for a delay fault. */
    public readonly fixedDelay: Duration | undefined,
    /** The status, for an abort fault. */
    public readonly httpStatus: number | undefined,
  ) {}
}
