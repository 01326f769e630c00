import { Duration } from 'cdk8s';

/**
 * How requests are spread over a backend's endpoints.
 */
export enum LoadBalancerAlgorithm {
  /** Each endpoint in turn. */
  ROUND_ROBIN = 'ROUND_ROBIN',
  /** The endpoint with the fewest active requests (of two picked at random). */
  LEAST_REQUEST = 'LEAST_REQUEST',
  /** A random endpoint. */
  RANDOM = 'RANDOM',
  /** The original destination address, without load balancing. */
  PASSTHROUGH = 'PASSTHROUGH',
}

/**
 * Limits on connections and requests to a backend (circuit breaking).
 */
export interface ConnectionPoolSettings {
  /**
   * Maximum TCP connections to the backend.
   * @default - unlimited
   */
  readonly maxConnections?: number;

  /**
   * TCP connect timeout (whole milliseconds, at least 1ms).
   * @default 10s
   */
  readonly connectTimeout?: Duration;

  /**
   * Maximum requests queued while waiting for a connection.
   * @default - unlimited
   */
  readonly maxPendingRequests?: number;

  /**
   * Maximum active requests to the backend.
   * @default - unlimited
   */
  readonly maxRequests?: number;

  /**
   * Maximum requests per connection (1 disables keep-alive).
   * @default - unlimited
   */
  readonly maxRequestsPerConnection?: number;
}

/**
 * Ejection of failing endpoints from the load balancing pool (circuit breaking).
 */
export interface OutlierDetection {
  /**
   * Consecutive 5xx responses (or connection failures) that eject an endpoint.
   * @default 5
   */
  readonly consecutive5xxErrors?: number;

  /**
   * How often endpoints are analysed (whole milliseconds, at least 1ms).
   * @default 10s
   */
  readonly interval?: Duration;

  /**
   * Minimum ejection time, multiplied by the number of ejections (whole milliseconds, at least 1ms).
   * @default 30s
   */
  readonly baseEjectionTime?: Duration;

  /**
   * Maximum share of endpoints ejected at once, from 0 to 100.
   * @default 10
   */
  readonly maxEjectionPercent?: number;
}
