import { RouteNamespaces } from './route-namespaces';
import { ServerTls } from './tls';
import { bool, carry, checkStruct, InputProblems, instanceOf, list, optional, portNumber, required, Shape, str } from './validation/input-shape';

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
  /** Istio's HTTP-based overlay (ambient mesh east-west); Gateway API only. */
  HBONE = 'HBONE',
}

/**
 * How a TLS listener passes streams through.
 */
export enum PassthroughMode {
  /** Routed by SNI with TLS routes. */
  SNI = 'SNI',
  /**
   * Routed by the SNI of Istio's mTLS (`outbound_.<port>_.<subset>_.<host>`) without any route: the
   * east-west gateway of a multi-network mesh (AUTO_PASSTHROUGH).
   */
  AUTO = 'AUTO',
}

/**
 * Options every listener has.
 */
export interface ListenerOptions {
  /**
   * Host names this listener serves (`example.com`, `*.example.com`, `*`). With the Istio API a
   * host may be scoped to the namespaces whose routes may bind to it: `ns/host`, `./host` (the
   * gateway's namespace) or `*\/host` (any).
   *
   * HTTPS and TLS passthrough listeners must name their hosts (the names their certificates are
   * for, the SNIs they pass through): without hosts they are refused; pass `['*']` to serve any.
   * @default - HTTP and TCP: ['*']; HTTPS and TLS passthrough: none (required); auto-passthrough: ['*.local']
   */
  readonly hosts?: string[];

  /**
   * The listener (server port) name, unique within the gateway.
   * @default - the protocol in lower case, suffixed with the port when not the protocol's default
   */
  readonly name?: string;

  /**
   * Which namespaces may bind routes to this listener. Open it to other teams with
   * `RouteNamespaces.all()` or `RouteNamespaces.named()`.
   * @default - the gateway's namespace: Istio API hosts are written `./host` (a host scoped as
   * `ns/host` keeps its scope), Gateway API `allowedRoutes.namespaces.from: Same`
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
 * Options for the auto-passthrough listener of an east-west gateway.
 */
export interface AutoPassthroughListenerOptions extends ListenerOptions {
  /**
   * Port number.
   * @default 15443
   */
  readonly port?: number;
}

/**
 * Options for the HBONE listener of an ambient east-west gateway.
 */
export interface HboneListenerOptions {
  /**
   * Port number.
   * @default 15008
   */
  readonly port?: number;

  /**
   * The listener name.
   * @default 'mesh'
   */
  readonly name?: string;
}

/**
 * Options for a TCP listener.
 */
export interface TcpListenerOptions extends ListenerOptions {
  /** Port number. */
  readonly port: number;
}

// What each factory's options must hold (plain JavaScript and untyped values are checked here).
const LISTENER_SHAPE: Shape<ListenerOptions> = {
  hosts: optional(list(str('shop.example.com'), '["shop.example.com"]')),
  name: optional(str('web')),
  routeNamespaces: optional(instanceOf(RouteNamespaces, 'RouteNamespaces.same(), RouteNamespaces.all() or RouteNamespaces.named([...])')),
};
const HTTP_SHAPE: Shape<HttpListenerOptions> = { ...LISTENER_SHAPE, port: optional(portNumber), httpsRedirect: optional(bool) };
const HTTPS_SHAPE: Shape<HttpsListenerOptions> = {
  ...LISTENER_SHAPE,
  port: optional(portNumber),
  tls: required(instanceOf(ServerTls, 'ServerTls.simple(), ServerTls.mutual() or ServerTls.optionalMutual()'), undefined as unknown as ServerTls, 'give it, e.g. ServerTls.simple("my-cert")'),
};
const PASSTHROUGH_SHAPE: Shape<TlsPassthroughListenerOptions> = { ...LISTENER_SHAPE, port: optional(portNumber) };
const TCP_SHAPE: Shape<TcpListenerOptions> = { ...LISTENER_SHAPE, port: required(portNumber, 0, 'give the port number, like 9000') };
const HBONE_SHAPE: Shape<HboneListenerOptions> = { port: optional(portNumber), name: optional(str('mesh')) };

/**
 * A port on the gateway and what it serves: a server of an Istio Gateway, a listener of a
 * Kubernetes Gateway.
 */
export class GatewayListener {
  /** Plain HTTP, port 80 by default. */
  public static http(options: HttpListenerOptions = {}): GatewayListener {
    const out: InputProblems = [];
    const o = checkStruct(HTTP_SHAPE, options, out, '{ port: 80 }');
    return carry(new GatewayListener(ListenerProtocol.HTTP, o.port ?? 80, o, undefined, o.httpsRedirect ?? false), out);
  }

  /** HTTPS terminated at the gateway, port 443 by default, for the `hosts` given (required). */
  public static https(options: HttpsListenerOptions): GatewayListener {
    const out: InputProblems = [];
    const o = checkStruct(HTTPS_SHAPE, options, out, '{ tls: ServerTls.simple("my-cert") }');
    return carry(new GatewayListener(ListenerProtocol.HTTPS, o.port ?? 443, o, o.tls, false), out);
  }

  /** TLS passed through untouched and routed by SNI, port 443 by default, for the `hosts` given (required). */
  public static tlsPassthrough(options: TlsPassthroughListenerOptions = {}): GatewayListener {
    const out: InputProblems = [];
    const o = checkStruct(PASSTHROUGH_SHAPE, options, out, '{ port: 443 }');
    return carry(new GatewayListener(ListenerProtocol.TLS, o.port ?? 443, o, undefined, false), out);
  }

  /** Opaque TCP on `port`. */
  public static tcp(options: TcpListenerOptions): GatewayListener {
    const out: InputProblems = [];
    const o = checkStruct(TCP_SHAPE, options, out, '{ port: 9000 }');
    return carry(new GatewayListener(ListenerProtocol.TCP, o.port, o, undefined, false), out);
  }

  /**
   * Istio mTLS from other networks passed through to the workloads it is meant for, routed by its SNI
   * without routes (AUTO_PASSTHROUGH): port 15443, name `tls`, hosts `*.local` by default.
   */
  public static autoPassthrough(options: AutoPassthroughListenerOptions = {}): GatewayListener {
    const out: InputProblems = [];
    const o = checkStruct(PASSTHROUGH_SHAPE, options, out, '{ port: 15443 }');
    return carry(
      new GatewayListener(
        ListenerProtocol.TLS,
        o.port ?? 15443,
        { ...o, hosts: o.hosts ?? ['*.local'], name: o.name ?? 'tls' },
        undefined,
        false,
        PassthroughMode.AUTO,
      ),
      out,
    );
  }

  /**
   * HBONE terminated with Istio mutual TLS: the ambient east-west gateway (Gateway API only). Port
   * 15008, name `mesh` by default.
   */
  public static hbone(options: HboneListenerOptions = {}): GatewayListener {
    const out: InputProblems = [];
    const o = checkStruct(HBONE_SHAPE, options, out, '{ port: 15008 }');
    return carry(new GatewayListener(ListenerProtocol.HBONE, o.port ?? 15008, { name: o.name ?? 'mesh' }, undefined, false), out);
  }

  /** Host names served. */
  public readonly hosts: string[];
  /**
   * Whether the hosts were left out where the listener needs them (HTTPS, TLS passthrough).
   * @internal
   */
  public readonly _hostsMissing: boolean;
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
    /** How a TLS listener passes streams through. */
    public readonly passthroughMode: PassthroughMode = PassthroughMode.SNI,
  ) {
    this.hosts = options.hosts ?? ['*'];
    const needsHosts = protocol === ListenerProtocol.HTTPS || (protocol === ListenerProtocol.TLS && passthroughMode === PassthroughMode.SNI);
    this._hostsMissing = needsHosts && options.hosts === undefined;
    this.routeNamespaces = options.routeNamespaces;
    const base = protocol.toLowerCase();
    const defaultPort = { HTTP: 80, HTTPS: 443, TLS: 443, TCP: -1, HBONE: 15008 }[protocol];
    this.name = options.name ?? (port === defaultPort ? base : `${base}-${port}`);
  }
}
