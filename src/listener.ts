import { RouteNamespaces } from './route-namespaces';
import { ServerTls } from './tls';

/**
 * The protocol a gateway listener serves.
 */
export enum ListenerProtocol {
  /** Plain HTTP. */
  HTTP = 'HTTP',
  /** HTTPS terminated at the gateway. */
  HTTPS = 'HTTPS',
  /** TLS passed through to the backend, routed by SNI. */
  TLS = 'TLS',
  /** Opaque TCP. */
  TCP = 'TCP',
}

/**
 * Options every listener has.
 */
export interface ListenerOptions {
  /**
   * Host names this listener serves (`example.com`, `*.example.com`, `*`). With the Istio API a
   * host may be scoped to the namespaces whose routes may bind to it: `ns/host`, `./host` (the
   * gateway's namespace) or `*\/host` (any).
   * @default ['*']
   */
  readonly hosts?: string[];

  /**
   * The listener (server port) name, unique within the gateway.
   * @default - the protocol in lower case, suffixed with the port when not the protocol's default
   */
  readonly name?: string;

  /**
   * Which namespaces may bind routes to this listener.
   * @default - Istio API: any namespace (hosts are written as given); Gateway API: the gateway's
   * namespace (`allowedRoutes.namespaces.from: Same`)
   */
  readonly routeNamespaces?: RouteNamespaces;
}

/**
 * Options for a plain HTTP listener.
 */
export interface HttpListenerOptions extends ListenerOptions {
  /**
   * Port number.
   * @default 80
   */
  readonly port?: number;

  /**
   * Answer every request with a redirect to HTTPS (301) instead of routing it.
   * @default false
   */
  readonly httpsRedirect?: boolean;
}

/**
 * Options for an HTTPS listener that terminates TLS.
 */
export interface HttpsListenerOptions extends ListenerOptions {
  /**
   * Port number.
   * @default 443
   */
  readonly port?: number;

  /** How TLS is terminated, and with which credential. */
  readonly tls: ServerTls;
}

/**
 * Options for a TLS passthrough listener.
 */
export interface TlsPassthroughListenerOptions extends ListenerOptions {
  /**
   * Port number.
   * @default 443
   */
  readonly port?: number;
}

/**
 * Options for a TCP listener.
 */
export interface TcpListenerOptions extends ListenerOptions {
  /** Port number. */
  readonly port: number;
}

/**
 * A port on the gateway and what it serves: a server of an Istio Gateway, a listener of a
 * Kubernetes Gateway.
 */
export class GatewayListener {
  /** Plain HTTP, port 80 by default. */
  public static http(options: HttpListenerOptions = {}): GatewayListener {
    return new GatewayListener(ListenerProtocol.HTTP, options.port ?? 80, options, undefined, options.httpsRedirect ?? false);
  }

  /** HTTPS terminated at the gateway, port 443 by default. */
  public static https(options: HttpsListenerOptions): GatewayListener {
    return new GatewayListener(ListenerProtocol.HTTPS, options.port ?? 443, options, options.tls, false);
  }

  /** TLS passed through untouched and routed by SNI, port 443 by default. */
  public static tlsPassthrough(options: TlsPassthroughListenerOptions = {}): GatewayListener {
    return new GatewayListener(ListenerProtocol.TLS, options.port ?? 443, options, undefined, false);
  }

  /** Opaque TCP on `port`. */
  public static tcp(options: TcpListenerOptions): GatewayListener {
    return new GatewayListener(ListenerProtocol.TCP, options.port, options, undefined, false);
  }

  /** Host names served. */
  public readonly hosts: string[];
  /** The listener name. */
  public readonly name: string;
  /** Which namespaces may bind routes, when set. */
  public readonly routeNamespaces?: RouteNamespaces;

  private constructor(
    /** The protocol served. */
    public readonly protocol: ListenerProtocol,
    /** The port number. */
    public readonly port: number,
    options: ListenerOptions,
    /** TLS termination, for HTTPS. */
    public readonly tls: ServerTls | undefined,
    /** Whether plain HTTP requests are redirected to HTTPS. */
    public readonly httpsRedirect: boolean,
  ) {
    this.hosts = options.hosts ?? ['*'];
    this.routeNamespaces = options.routeNamespaces;
    const base = protocol.toLowerCase();
    const defaultPort = protocol === ListenerProtocol.HTTP ? 80 : 443;
    this.name = options.name ?? (port === defaultPort ? base : `${base}-${port}`);
  }
}
