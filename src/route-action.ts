import { Backend, ServiceBackendOptions } from './backend';
import { carry, checkArg, checkOptions, InputProblems, instanceOf, list, num, optional, portNumber, required, Shape, str } from './validation/input-shape';

/**
 * What kind of action a rule takes.
 */
export enum HttpRouteActionKind {
  /** Forward to one or more weighted backends. */
  FORWARD = 'forward',
  /** Answer with an HTTP redirect. */
  REDIRECT = 'redirect',
  /** Answer directly from the gateway, without a backend. */
  DIRECT_RESPONSE = 'direct-response',
}

/**
 * Options for an HTTP redirect. Fields left unset keep the request's value.
 */
export interface HttpRedirectOptions {
  /**
   * Scheme of the redirect location (`http` or `https`).
   * @default - the request's scheme
   */
  readonly scheme?: string;

  /**
   * Host of the redirect location.
   * @default - the request's host
   */
  readonly host?: string;

  /**
   * Port of the redirect location.
   * @default - the request's port (or the scheme's default port when the scheme changes)
   */
  readonly port?: number;

  /**
   * Path of the redirect location, replacing the whole path.
   * @default - the request's path
   */
  readonly path?: string;

  /**
   * HTTP status code: 301, 302, 303, 307 or 308.
   * @default 301
   */
  readonly statusCode?: number;
}

const BACKENDS = required(
  list(instanceOf(Backend, 'Backend.service(name, { port })'), '[Backend.service("web", { port: 80 })]'),
  [],
  'give a list of backends, like [Backend.service("web", { port: 80 })]',
);
const REDIRECT_SHAPE: Shape<HttpRedirectOptions> = {
  scheme: optional(str('https')),
  host: optional(str('www.example.com')),
  port: optional(portNumber),
  path: optional(str('/new')),
  statusCode: optional(num(301)),
};
const STATUS = required(num(503), 200, 'give the HTTP status, like 503');

/**
 * The action of a rule: forward, redirect or answer directly.
 */
export class HttpRouteAction {
  /**
   * Forward to the given backends; with several, traffic is split by their relative weights.
   */
  public static forward(backends: Backend[]): HttpRouteAction {
    const out: InputProblems = [];
    return carry(new HttpRouteAction(HttpRouteActionKind.FORWARD, checkArg(BACKENDS, backends, 'backends', out)), out);
  }

  /**
   * Forward to one Service: the same as `forward([Backend.service(serviceName, options)])`, in one
   * call (from Python, Java or Go each call is a round trip to the jsii kernel).
   *
   * @param serviceName the Service name
   * @param options port, namespace, subset and weight
   */
  public static forwardTo(serviceName: string, options: ServiceBackendOptions): HttpRouteAction {
    return HttpRouteAction.forward([Backend.service(serviceName, options)]);
  }

  /**
   * Answer with an HTTP redirect.
   */
  public static redirect(options: HttpRedirectOptions): HttpRouteAction {
    const out: InputProblems = [];
    return carry(new HttpRouteAction(HttpRouteActionKind.REDIRECT, [], checkOptions(REDIRECT_SHAPE, options, out, '{ scheme: "https", statusCode: 301 }')), out);
  }

  /**
   * Answer directly from the gateway with `status` and an optional body (Istio API only).
   */
  public static directResponse(status: number, body?: string): HttpRouteAction {
    const out: InputProblems = [];
    const s = checkArg(STATUS, status, 'status', out);
    return carry(new HttpRouteAction(HttpRouteActionKind.DIRECT_RESPONSE, [], undefined, s, checkArg(optional(str('not found')), body, 'body', out)), out);
  }

  private constructor(
    /** What the action does. */
    public readonly kind: HttpRouteActionKind,
    /** The backends of a forward action (empty otherwise). */
    public readonly backends: Backend[],
    /** The redirect of a redirect action. */
    public readonly redirectOptions?: HttpRedirectOptions,
    /** The status of a direct response. */
    public readonly responseStatus?: number,
    /** The body of a direct response. */
    public readonly responseBody?: string,
  ) {}
}
