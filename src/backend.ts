/**
 * Options for a Kubernetes Service backend.
 */
export interface ServiceBackendOptions {
  /** The Service port to send traffic to. */
  readonly port: number;

  /**
   * The Service's namespace.
   * @default - the namespace of the route
   */
  readonly namespace?: string;

  /**
   * A named subset of the Service's endpoints (Istio API only). The subset must be defined by a
   * DestinationRule for the Service.
   * @default - all endpoints of the Service
   */
  readonly subset?: string;

  /**
   * Relative weight of this backend among the backends of one rule. Weights are relative: they
   * need not add up to 100.
   * @default 1 when several backends share a rule; unset for a single backend
   */
  readonly weight?: number;
}

/**
 * A Kubernetes Service to forward to, written as data: `{ service: 'httpbin', port: 8000 }` is
 * `Backend.service('httpbin', { port: 8000 })`. See `HttpRouteRule.forwardTo`.
 */
export interface ForwardTarget extends ServiceBackendOptions {
  /** The Service name. */
  readonly service: string;
}

/**
 * Where a route sends traffic.
 */
export class Backend {
  /**
   * A Kubernetes Service in the mesh, addressed by name.
   *
   * @param name the Service name
   * @param options port, namespace, subset and weight
   */
  public static service(name: string, options: ServiceBackendOptions): Backend {
    return new Backend(name, options.port, options.namespace, options.subset, options.weight);
  }

  private constructor(
    /** The Service name. */
    public readonly serviceName: string,
    /** The Service port. */
    public readonly port: number,
    /** The Service namespace, when not the route's. */
    public readonly namespace?: string,
    /** The subset, when one is named. */
    public readonly subset?: string,
    /** The relative weight, when one is set. */
    public readonly weight?: number,
  ) {}
}
