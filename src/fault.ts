import { Duration } from 'cdk8s';
import { carry, checkArg, duration, InputProblems, num, optional, required } from './validation/input-shape';

const DELAY_ARG = required(duration('leave the fault out for no delay'), Duration.seconds(1), 'give a Duration, like Duration.seconds(5)');
const PERCENTAGE = optional(num(50));
const HTTP_STATUS = required(num(503), 503, 'give the HTTP status, like 503');

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
    const out: InputProblems = [];
    const d = checkArg(DELAY_ARG, delay, 'delay', out);
    return carry(new FaultInjection(FaultKind.DELAY, checkArg(PERCENTAGE, percentage, 'percentage', out) ?? 100, d, undefined), out);
  }

  /**
   * Answer `percentage` percent of requests with `httpStatus` instead of forwarding them.
   *
   * @param httpStatus the status to answer with, from 200 to 599
   * @param percentage share of requests affected, from 0 to 100
   */
  public static abort(httpStatus: number, percentage: number = 100): FaultInjection {
    const out: InputProblems = [];
    const s = checkArg(HTTP_STATUS, httpStatus, 'httpStatus', out);
    return carry(new FaultInjection(FaultKind.ABORT, checkArg(PERCENTAGE, percentage, 'percentage', out) ?? 100, undefined, s), out);
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
