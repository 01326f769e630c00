import { GroupVersionKind } from 'cdk8s';
import * as gw from '../../imports/gateway.networking.k8s.io';
import * as istio from '../../imports/networking.istio.io';

/** How an imported L1 class writes its JSON: its GVK and its `toJson_<Kind>Props()` conversion. */
export interface L1Kind<P> {
  readonly gvk: GroupVersionKind;
  readonly toJson: (props: P | undefined) => Record<string, any> | undefined;
}

export const ISTIO_GATEWAY: L1Kind<istio.GatewayProps> = { gvk: istio.Gateway.GVK, toJson: istio.toJson_GatewayProps };
export const VIRTUAL_SERVICE: L1Kind<istio.VirtualServiceProps> = { gvk: istio.VirtualService.GVK, toJson: istio.toJson_VirtualServiceProps };
/** Written by its L1 class (which renames a field); listed so that a test can show the L1 check failing for it. */
export const DESTINATION_RULE: L1Kind<istio.DestinationRuleProps> = { gvk: istio.DestinationRule.GVK, toJson: istio.toJson_DestinationRuleProps };
export const GATEWAY_API_GATEWAY: L1Kind<gw.GatewayProps> = { gvk: gw.Gateway.GVK, toJson: gw.toJson_GatewayProps };
export const HTTP_ROUTE: L1Kind<gw.HttpRouteProps> = { gvk: gw.HttpRoute.GVK, toJson: gw.toJson_HttpRouteProps };
export const TLS_ROUTE: L1Kind<gw.TlsRouteProps> = { gvk: gw.TlsRoute.GVK, toJson: gw.toJson_TlsRouteProps };
export const TCP_ROUTE: L1Kind<gw.TcpRouteProps> = { gvk: gw.TcpRoute.GVK, toJson: gw.toJson_TcpRouteProps };

const BY_GVK = new Map<string, L1Kind<any>>(
  [ISTIO_GATEWAY, VIRTUAL_SERVICE, DESTINATION_RULE, GATEWAY_API_GATEWAY, HTTP_ROUTE, TLS_ROUTE, TCP_ROUTE].map((k) => [
    `${k.gvk.apiVersion}/${k.gvk.kind}`,
    k,
  ]),
);

/** The L1 kind of `apiVersion` and `kind`; throws for a kind this library does not write this way. */
export function l1KindOf(apiVersion: string, kind: string): L1Kind<any> {
  const found = BY_GVK.get(`${apiVersion}/${kind}`);
  if (!found) throw new Error(`internal error: ${apiVersion} ${kind} is not one of the L1 kinds in src/render/l1-kinds.ts`);
  return found;
}
