import { Duration } from 'cdk8s';

/**
 * How the gateway retries a failed request (Istio API; the Gateway API's standard channel has no
 * retries).
 */
export interface RetryPolicy {
  /** How many times to retry. */
  readonly attempts: number;

  /**
   * Timeout of each attempt (whole milliseconds, at least 1ms).
   * @default - the rule's timeout
   */
  readonly perTryTimeout?: Duration;

  /**
   * Conditions that trigger a retry, as Envoy names them (`5xx`, `gateway-error`, `reset`,
   * `connect-failure`, `retriable-4xx`, ...), or HTTP status codes.
   * @default - Istio's default: connect-failure, refused-stream, unavailable, cancelled, retriable-status-codes
   */
  readonly retryOn?: string[];
}
