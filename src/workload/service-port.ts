/**
 * The transport protocol of a Service port.
 */
export enum PortProtocol {
  /** TCP: HTTP, HTTPS, TLS and plain TCP listeners. */
  TCP = 'TCP',
  /** UDP. */
  UDP = 'UDP',
  /** SCTP. */
  SCTP = 'SCTP',
}

/**
 * A port of the gateway workload's Service: one per listener of the gateway.
 *
 * The workload always adds `status-port` (15021) itself; do not list it.
 */
export interface GatewayServicePort {
  /**
   * Name of the Service port: a DNS-1123 label, unique within the Service. Istio reads the
   * protocol from its prefix (`http2`, `https`, `tls`, `tcp`...), as the chart's `http2` and `https`.
   */
  readonly name: string;

  /**
   * The port the Service exposes (what clients connect to).
   */
  readonly port: number;

  /**
   * The transport protocol.
   * @default PortProtocol.TCP
   */
  readonly protocol?: PortProtocol;

  /**
   * The port Envoy listens on in the gateway pods: the port of the gateway's listener.
   * @default - the same as `port`
   */
  readonly targetPort?: number;

  /**
   * The node port, for `ServiceType.NODE_PORT` and `ServiceType.LOAD_BALANCER`.
   * @default - Kubernetes allocates one
   */
  readonly nodePort?: number;
}
