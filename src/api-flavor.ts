/**
 * Which Kubernetes API a construct renders its intent into.
 *
 * The same description of listeners, routes and backends renders into either API; what one API
 * cannot express is reported at synth time with the feature's name.
 */
export enum ApiFlavor {
  /**
   * Istio's own API: `networking.istio.io/v1` Gateway, VirtualService, DestinationRule and
   * ServiceEntry. The gateway binds to an existing (or deployed) gateway workload by label selector.
   */
  ISTIO = 'istio',

  /**
   * The Kubernetes Gateway API: `gateway.networking.k8s.io/v1` Gateway, HTTPRoute, TLSRoute,
   * TCPRoute and ReferenceGrant, with Istio's gateway classes (`istio` by default). Istio deploys
   * the gateway workload for each Gateway itself.
   */
  GATEWAY_API = 'gateway-api',
}
