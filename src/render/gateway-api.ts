import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import * as gw from '../../imports/gateway.networking.k8s.io';
import { ApiFlavor } from '../api-flavor';
import { formatGatewayApiDuration } from '../duration';
import { CorsPolicy, HeaderEdits } from '../http-policies';
import { GatewayListener, ListenerProtocol, PassthroughMode } from '../listener';
import { HttpRouteMatch, NamedStringMatch, PathMatchKind, StringMatchKind } from '../match';
import { GatewayModel } from '../model/gateway';
import { HttpRouteModel, HttpRuleModel, ResolvedBackend, StreamKind, StreamRouteModel } from '../model/route';
import { HttpRouteActionKind } from '../route-action';
import { RouteNamespacesKind } from '../route-namespaces';
import { TlsMode } from '../tls';
import { compact } from './compact';
import { GATEWAY_API_GATEWAY, HTTP_ROUTE, TCP_ROUTE, TLS_ROUTE } from './l1-kinds';
import type { ObjectMeta, Renderer } from './renderer';
import { ObjectForm, TypedApiObject } from './typed-object';

/**
 * Renders the intent model as the Kubernetes Gateway API (gateway.networking.k8s.io/v1) with
 * Istio's gateway classes, as `TypedApiObject`s of the L1 kinds (see `L1ApiObject`).
 */
export class GatewayApiRenderer implements Renderer {
  public readonly api = ApiFlavor.GATEWAY_API;

  public gateway(scope: Construct, id: string, meta: ObjectMeta, model: () => GatewayModel): ApiObject {
    return new TypedApiObject(scope, id, GATEWAY_API_GATEWAY, {
      metadata: { ...meta },
      spec: Lazy.any({ produce: () => compact(gatewaySpec(model())) }),
    });
  }

  public httpRoute(model: () => HttpRouteModel): ObjectForm {
    return { l1: HTTP_ROUTE, spec: Lazy.any({ produce: () => compact(httpRouteSpec(model())) }) };
  }

  public streamRoute(kind: StreamKind, model: () => StreamRouteModel): ObjectForm {
    return { l1: kind === 'tls' ? TLS_ROUTE : TCP_ROUTE, spec: Lazy.any({ produce: () => compact(streamRouteSpec(model())) }) };
  }
}

/** A TLSRoute or TCPRoute has one rule here (validation refuses more with the Gateway API). */
function streamRouteSpec(route: StreamRouteModel): gw.TlsRouteSpec | gw.TcpRouteSpec {
  const only = route.rules[0];
  const parentRefs = [{ name: route.gateway.name, namespace: route.gateway.namespace, port: only.port }];
  const rules = [{ backendRefs: backendRefs(only.backends) }];
  return route.kind === 'tls' ? { parentRefs, hostnames: only.hosts, rules } : { parentRefs, rules };
}

function backendRefs(backends: ResolvedBackend[]) {
  const several = backends.length > 1;
  return backends.map((b) => ({ name: b.serviceName, namespace: b.namespace, port: b.port, weight: several ? b.weight ?? 1 : undefined }));
}

function gatewaySpec(gateway: GatewayModel): gw.GatewaySpec {
  return {
    gatewayClassName: gateway.gatewayClassName,
    addresses: gateway.addresses?.map((a) => ({ type: a.kind, value: a.value })),
    listeners: gateway.listeners.flatMap(listeners),
    tls: frontendValidation(gateway.listeners),
  };
}

/**
 * Client certificate validation (MUTUAL and OPTIONAL_MUTUAL) per port: the CA is the `ca.crt` of the
 * listener's credential Secret, as with Istio's own API.
 */
function frontendValidation(all: GatewayListener[]): gw.GatewaySpecTls | undefined {
  // One entry per port (validation refuses listeners of one port that differ in mode or CA).
  const mutual = all.filter((l, i) => l.protocol === ListenerProtocol.HTTPS && l.tls && l.tls.mode !== TlsMode.SIMPLE &&
    all.findIndex((o) => o.protocol === ListenerProtocol.HTTPS && o.tls && o.tls.mode !== TlsMode.SIMPLE && o.port === l.port) === i);
  if (mutual.length === 0) return undefined;
  return {
    frontend: {
      default: {},
      perPort: mutual.map((l) => ({
        port: l.port,
        tls: {
          validation: {
            caCertificateRefs: [{ group: '', kind: 'Secret', name: l.tls!.credentialName }],
            mode:
              l.tls!.mode === TlsMode.MUTUAL
                ? gw.GatewaySpecTlsFrontendPerPortTlsValidationMode.ALLOW_VALID_ONLY
                : gw.GatewaySpecTlsFrontendPerPortTlsValidationMode.ALLOW_INSECURE_FALLBACK,
          },
        },
      })),
    },
  };
}

/**
 * A Gateway API listener has at most one hostname: a listener with several hosts becomes one
 * listener per host, named `<name>-<index>` after the first. `*` means no hostname (any).
 */
function listeners(listener: GatewayListener): gw.GatewaySpecListeners[] {
  const names = gatewayApiListenerNames(listener);
  return listenerHostnames(listener).map((hostname, index) => ({
    name: names[index],
    port: listener.port,
    protocol: listener.protocol,
    hostname,
    tls: listenerTls(listener),
    allowedRoutes: allowedRoutes(listener),
  }));
}

function allowedRoutes(listener: GatewayListener): gw.GatewaySpecListenersAllowedRoutes {
  const From = gw.GatewaySpecListenersAllowedRoutesNamespacesFrom;
  // A redirecting listener carries only the gateway's own redirect route, in the gateway's
  // namespace: admitting only the route namespaces given would leave that route unattached (plain
  // HTTP answered 404 instead of redirected), and no other route binds there.
  if (listener.httpsRedirect) return { namespaces: { from: From.SAME } };
  const scopes = listener.routeNamespaces;
  switch (scopes?.kind) {
    case RouteNamespacesKind.ALL:
      return { namespaces: { from: From.ALL } };
    case RouteNamespacesKind.NAMED:
      return {
        namespaces: {
          from: From.SELECTOR,
          selector: {
            matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: scopes.namespaces }],
          },
        },
      };
    default:
      return { namespaces: { from: From.SAME } };
  }
}

export function listenerHostnames(listener: GatewayListener): Array<string | undefined> {
  if (listener.protocol === ListenerProtocol.HBONE || listener.protocol === ListenerProtocol.TCP) return [undefined];
  // Istio's auto-passthrough listener takes any SNI of the mesh; the Gateway API form has no hostname.
  if (listener.passthroughMode === PassthroughMode.AUTO) return [undefined];
  return listener.hosts.includes('*') ? [undefined] : listener.hosts;
}

/** The names of the Gateway API listeners one listener becomes. */
export function gatewayApiListenerNames(listener: GatewayListener): string[] {
  return listenerHostnames(listener).map((_, index) => (index === 0 ? listener.name : `${listener.name}-${index}`));
}

function listenerTls(listener: GatewayListener): gw.GatewaySpecListenersTls | undefined {
  switch (listener.protocol) {
    case ListenerProtocol.HTTPS:
      return {
        mode: gw.GatewaySpecListenersTlsMode.TERMINATE,
        certificateRefs: [{ kind: 'Secret', name: listener.tls!.credentialName }],
      };
    case ListenerProtocol.TLS:
      return {
        mode: gw.GatewaySpecListenersTlsMode.PASSTHROUGH,
        options: listener.passthroughMode === PassthroughMode.AUTO ? { 'gateway.istio.io/listener-protocol': 'auto-passthrough' } : undefined,
      };
    case ListenerProtocol.HBONE:
      return { mode: gw.GatewaySpecListenersTlsMode.TERMINATE, options: { 'gateway.istio.io/tls-terminate-mode': 'ISTIO_MUTUAL' } };
    default:
      return undefined;
  }
}

function httpRouteSpec(route: HttpRouteModel): gw.HttpRouteSpec {
  const parent = { name: route.gateway.name, namespace: route.gateway.namespace };
  return {
    parentRefs: route.listenerNames ? route.listenerNames.map((sectionName) => ({ ...parent, sectionName })) : [parent],
    hostnames: route.hosts.includes('*') ? undefined : route.hosts,
    rules: route.rules.map(rule),
  };
}

function rule(r: HttpRuleModel): gw.HttpRouteSpecRules {
  const action = r.action;
  return {
    name: r.name,
    matches: r.matches.length > 0 ? r.matches.map(match) : undefined,
    backendRefs: action.kind === HttpRouteActionKind.FORWARD ? backendRefs(r.backends) : undefined,
    filters: filters(r),
    timeouts: r.timeout ? { request: formatGatewayApiDuration(r.timeout) } : undefined,
  };
}

/** The rule's redirect, rewrite, header edits, mirror and CORS as HTTPRoute filters. */
function filters(r: HttpRuleModel): gw.HttpRouteSpecRulesFilters[] | undefined {
  const T = gw.HttpRouteSpecRulesFiltersType;
  const list: gw.HttpRouteSpecRulesFilters[] = [];
  const redirect = r.action.redirectOptions;
  if (r.action.kind === HttpRouteActionKind.REDIRECT) {
    list.push({
      type: T.REQUEST_REDIRECT,
      requestRedirect: {
        scheme: redirect?.scheme as gw.HttpRouteSpecRulesFiltersRequestRedirectScheme | undefined,
        hostname: redirect?.host,
        port: redirect?.port,
        path: redirect?.path
          ? { type: gw.HttpRouteSpecRulesFiltersRequestRedirectPathType.REPLACE_FULL_PATH, replaceFullPath: redirect.path }
          : undefined,
        statusCode: redirect?.statusCode as gw.HttpRouteSpecRulesFiltersRequestRedirectStatusCode | undefined,
      },
    });
  }
  if (r.rewrite) {
    list.push({
      type: T.URL_REWRITE,
      urlRewrite: {
        hostname: r.rewrite.host,
        path: r.rewrite.pathPrefix !== undefined
          ? { type: gw.HttpRouteSpecRulesFiltersUrlRewritePathType.REPLACE_PREFIX_MATCH, replacePrefixMatch: r.rewrite.pathPrefix }
          : undefined,
      },
    });
  }
  if (r.requestHeaders) list.push({ type: T.REQUEST_HEADER_MODIFIER, requestHeaderModifier: headerModifier(r.requestHeaders) });
  if (r.responseHeaders) list.push({ type: T.RESPONSE_HEADER_MODIFIER, responseHeaderModifier: headerModifier(r.responseHeaders) });
  if (r.mirror) {
    const b = r.mirror.backend;
    list.push({
      type: T.REQUEST_MIRROR,
      requestMirror: {
        backendRef: { name: b.serviceName, namespace: b.namespace, port: b.port },
        // `percent` is a whole number; a fraction of a percent is written as a fraction (Istio reads both).
        ...(r.mirror.percentage === 100
          ? {}
          : Number.isInteger(r.mirror.percentage)
            ? { percent: r.mirror.percentage }
            : { fraction: { numerator: Math.round(r.mirror.percentage * 10_000), denominator: 1_000_000 } }),
      },
    });
  }
  if (r.cors) list.push({ type: T.CORS, cors: cors(r.cors) });
  return list.length > 0 ? list : undefined;
}

function headerModifier(edits: HeaderEdits) {
  const pairs = (m?: { [name: string]: string }) => (m ? Object.entries(m).map(([name, value]) => ({ name, value })) : undefined);
  return { set: pairs(edits.set), add: pairs(edits.add), remove: edits.remove };
}

function cors(policy: CorsPolicy): gw.HttpRouteSpecRulesFiltersCors {
  return {
    allowOrigins: policy.allowOrigins,
    allowMethods: policy.allowMethods as gw.HttpRouteSpecRulesFiltersCorsAllowMethods[] | undefined,
    allowHeaders: policy.allowHeaders,
    exposeHeaders: policy.exposeHeaders,
    maxAge: policy.maxAge ? policy.maxAge.toSeconds() : undefined,
    allowCredentials: policy.allowCredentials,
  };
}

const PATH_TYPE: Record<PathMatchKind, gw.HttpRouteSpecRulesMatchesPathType> = {
  [PathMatchKind.PREFIX]: gw.HttpRouteSpecRulesMatchesPathType.PATH_PREFIX,
  [PathMatchKind.EXACT]: gw.HttpRouteSpecRulesMatchesPathType.EXACT,
  [PathMatchKind.REGEX]: gw.HttpRouteSpecRulesMatchesPathType.REGULAR_EXPRESSION,
};

function match(m: HttpRouteMatch): gw.HttpRouteSpecRulesMatches {
  return {
    path: m.path ? { type: PATH_TYPE[m.path.kind], value: m.path.value } : undefined,
    headers: named(m.headers)?.map((h) => ({ ...h, type: h.type as gw.HttpRouteSpecRulesMatchesHeadersType })),
    queryParams: named(m.queryParams)?.map((h) => ({ ...h, type: h.type as gw.HttpRouteSpecRulesMatchesQueryParamsType })),
    method: m.method as gw.HttpRouteSpecRulesMatchesMethod | undefined,
  };
}

function named(list: NamedStringMatch[] | undefined): Array<{ name: string; value: string; type: string }> | undefined {
  if (!list || list.length === 0) return undefined;
  return list.map((m) => ({
    name: m.name,
    value: m.value.value,
    type: m.value.kind === StringMatchKind.REGEX ? 'RegularExpression' : 'Exact',
  }));
}
