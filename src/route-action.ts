import { Backend, ServiceBackendOptions } from './backend';

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

/**
 * The action of a rule: forward, redirect or answer directly.
 */
export class HttpRouteAction {
  /**
   * Forward to the given backends; with several, traffic is split by their relative weights.
   */
  public static forward(backends: Backend[]): HttpRouteAction {
    return new HttpRouteAction(HttpRouteActionKind.FORWARD, backends);
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
    return new HttpRouteAction(HttpRouteActionKind.REDIRECT, [], options);
  }

  /**
   * Answer directly from the gateway with `status` and an optional body (Istio API only).
   */
  public static directResponse(status: number, body?: string): HttpRouteAction {
    return new HttpRouteAction(HttpRouteActionKind.DIRECT_RESPONSE, [], undefined, status, body);
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
