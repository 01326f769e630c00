import { carry, checkArg, checkOptions, InputProblems, num, optional, portNumber, required, Shape, str } from './validation/input-shape';

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

const SERVICE_NAME = required(str('web'), '', 'give the Service name, like "web"');

/** What ServiceBackendOptions must hold. @internal */
export const SERVICE_BACKEND_SHAPE: Shape<ServiceBackendOptions> = {
  port: required(portNumber, 0, 'give the Service port, like 80'),
  namespace: optional(str('team-a')),
  subset: optional(str('v1')),
  weight: optional(num(50)),
};

/** What a ForwardTarget must hold. @internal */
export const FORWARD_TARGET_SHAPE: Shape<ForwardTarget> = { service: SERVICE_NAME, ...SERVICE_BACKEND_SHAPE };

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
    const out: InputProblems = [];
    const serviceName = checkArg(SERVICE_NAME, name, 'name', out);
    const o = checkOptions(SERVICE_BACKEND_SHAPE, options, out, '{ port: 80 }');
    return carry(new Backend(serviceName, o.port, o.namespace, o.subset, o.weight), out);
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
