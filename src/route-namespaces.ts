import { carry, checkArg, InputProblems, list, required, str } from './validation/input-shape';

const NAMESPACES = required(list(str('team-a'), '["team-a"]'), [], 'give a list of namespaces, like ["team-a"]');

/**
 * Which namespaces' routes a listener admits.
 */
export enum RouteNamespacesKind {
  /** Only the gateway's namespace. */
  SAME = 'same',
  /** Any namespace. */
  ALL = 'all',
  /** The named namespaces. */
  NAMED = 'named',
}

/**
 * Which namespaces may bind routes to a listener: how one gateway is shared between teams.
 *
 * With the Istio API this scopes the server's hosts (`./host`, `*\/host`, `team-a/host`); with the
 * Gateway API it sets the listener's `allowedRoutes`.
 */
export class RouteNamespaces {
  /** Only routes in the gateway's own namespace. */
  public static same(): RouteNamespaces {
    return new RouteNamespaces(RouteNamespacesKind.SAME, []);
  }

  /** Routes in any namespace. */
  public static all(): RouteNamespaces {
    return new RouteNamespaces(RouteNamespacesKind.ALL, []);
  }

  /** Routes in the named namespaces only (one tenant per namespace). */
  public static named(namespaces: string[]): RouteNamespaces {
    const out: InputProblems = [];
    return carry(new RouteNamespaces(RouteNamespacesKind.NAMED, checkArg(NAMESPACES, namespaces, 'namespaces', out)), out);
  }

  private constructor(
    /** Which namespaces. */
    public readonly kind: RouteNamespacesKind,
    /** The namespaces, for `named`. */
    public readonly namespaces: string[],
  ) {}
}
