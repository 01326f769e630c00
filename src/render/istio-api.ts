import { ApiObject, Duration, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import * as istio from '../../imports/networking.istio.io';
import { ApiFlavor } from '../api-flavor';
import { formatDuration } from '../duration';
import { FaultKind } from '../fault';
import { CorsPolicy, HeaderEdits } from '../http-policies';
import { GatewayListener, ListenerProtocol, PassthroughMode } from '../listener';
import { HttpRouteMatch, NamedStringMatch, PathMatchKind, StringMatch } from '../match';
import { compact } from './compact';
import { ISTIO_GATEWAY, VIRTUAL_SERVICE } from './l1-kinds';
import type { ObjectMeta, Renderer } from './renderer';
import { ObjectForm, TypedApiObject } from './typed-object';
import { BackendPolicyModel } from '../model/backend-policy';
import { GatewayModel } from '../model/gateway';
import { istioServerHosts } from '../model/listener-scope';
import { HttpRouteModel, HttpRuleModel, ResolvedBackend, StreamKind, StreamRouteModel } from '../model/route';
import { HttpRouteActionKind } from '../route-action';
import { TlsMode } from '../tls';
import { hostCovers } from '../validation/hosts';

/**
 * Renders the intent model as Istio's API (networking.istio.io/v1). Gateways and VirtualServices
 * are written as `TypedApiObject`s of the L1 kinds (see `L1ApiObject`); DestinationRules, whose L1 class
 * renames a field, as the L1 class.
 */
export class IstioApiRenderer implements Renderer {
  public readonly api = ApiFlavor.ISTIO;

  public gateway(scope: Construct, id: string, meta: ObjectMeta, model: () => GatewayModel): ApiObject {
    return new TypedApiObject(scope, id, ISTIO_GATEWAY, {
      metadata: { ...meta },
      spec: Lazy.any({ produce: () => compact(gatewaySpec(model())) }),
    });
  }

  public httpRoute(model: () => HttpRouteModel): ObjectForm {
    return { l1: VIRTUAL_SERVICE, spec: Lazy.any({ produce: () => compact(virtualServiceSpec(model())) }) };
  }

  public streamRoute(_kind: StreamKind, model: () => StreamRouteModel): ObjectForm {
    return { l1: VIRTUAL_SERVICE, spec: Lazy.any({ produce: () => compact(streamVirtualServiceSpec(model())) }) };
  }
}

/** A DestinationRule: Istio applies it whichever API the routes are written in. */
export function renderDestinationRule(scope: Construct, id: string, meta: ObjectMeta, model: () => BackendPolicyModel): ApiObject {
  return new istio.DestinationRule(scope, id, {
    metadata: { ...meta },
    spec: Lazy.any({ produce: () => compact(destinationRuleSpec(model())) }),
  });
}

function gatewaySpec(gateway: GatewayModel): istio.GatewaySpec {
  return {
    selector: gateway.selector,
    servers: gateway.listeners.map(server),
  };
}

function server(listener: GatewayListener): istio.GatewaySpecServers {
  return {
    port: { number: listener.port, name: listener.name, protocol: listener.protocol },
    hosts: istioServerHosts(listener),
    tls: serverTls(listener),
  };
}

function serverTls(listener: GatewayListener): istio.GatewaySpecServersTls | undefined {
  if (listener.protocol === ListenerProtocol.HTTP) {
    return listener.httpsRedirect ? { httpsRedirect: true } : undefined;
  }
  if (listener.protocol === ListenerProtocol.TLS) {
    return {
      mode: listener.passthroughMode === PassthroughMode.AUTO
        ? istio.GatewaySpecServersTlsMode.AUTO_UNDERSCORE_PASSTHROUGH
        : istio.GatewaySpecServersTlsMode.PASSTHROUGH,
    };
  }
  const tls = listener.tls;
  if (!tls) return undefined;
  return {
    mode: tls.mode as string as istio.GatewaySpecServersTlsMode,
    credentialName: tls.credentialName,
    minProtocolVersion: tls.minProtocolVersion as string as istio.GatewaySpecServersTlsMinProtocolVersion,
    cipherSuites: tls.cipherSuites,
    subjectAltNames: tls.mode === TlsMode.SIMPLE ? undefined : tls.subjectAltNames,
  };
}

function virtualServiceSpec(route: HttpRouteModel): istio.VirtualServiceSpec {
  return {
    hosts: route.hosts,
    gateways: [`${route.gateway.namespace}/${route.gateway.name}`],
    http: route.rules.map(httpRoute),
  };
}

function streamVirtualServiceSpec(route: StreamRouteModel): istio.VirtualServiceSpec {
  const gateways = [`${route.gateway.namespace}/${route.gateway.name}`];
  if (route.kind === 'tcp') {
    return { hosts: ['*'], gateways, tcp: route.rules.map((r) => ({ match: [{ port: r.port }], route: streamDestinations(r.backends) })) };
  }
  return {
    hosts: widestHosts(route.rules.flatMap((r) => r.hosts)),
    gateways,
    tls: route.rules.map((r) => ({ match: [{ port: r.port, sniHosts: r.hosts }], route: streamDestinations(r.backends) })),
  };
}

/**
 * The hosts of a TLS VirtualService: each SNI host once, without those another covers (Istio refuses
 * duplicate or overlapping hosts, and each SNI host only needs to be a subset of one of them).
 */
function widestHosts(sniHosts: string[]): string[] {
  const unique = [...new Set(sniHosts)];
  return unique.filter((h) => !unique.some((other) => other !== h && hostCovers(other, h)));
}

function streamDestinations(backends: ResolvedBackend[]) {
  const several = backends.length > 1;
  return backends.map((b) => ({
    destination: { host: b.host, port: { number: b.port }, subset: b.subset },
    weight: several ? b.weight ?? 1 : undefined,
  }));
}

function httpRoute(rule: HttpRuleModel): istio.VirtualServiceSpecHttp {
  const action = rule.action;
  const several = rule.backends.length > 1;
  return {
    name: rule.name,
    match: rule.matches.length > 0 ? rule.matches.map(httpMatch) : undefined,
    route:
      action.kind === HttpRouteActionKind.FORWARD
        ? rule.backends.map((b) => ({
          destination: { host: b.host, port: { number: b.port }, subset: b.subset },
          weight: several ? b.weight ?? 1 : undefined,
        }))
        : undefined,
    redirect:
      action.kind === HttpRouteActionKind.REDIRECT
        ? {
          scheme: action.redirectOptions?.scheme,
          authority: action.redirectOptions?.host,
          port: action.redirectOptions?.port,
          uri: action.redirectOptions?.path,
          redirectCode: action.redirectOptions?.statusCode,
        }
        : undefined,
    directResponse:
      action.kind === HttpRouteActionKind.DIRECT_RESPONSE
        ? {
          status: action.responseStatus!,
          body: action.responseBody !== undefined ? { string: action.responseBody } : undefined,
        }
        : undefined,
    timeout: rule.timeout ? formatDuration(rule.timeout) : undefined,
    retries: rule.retries
      ? {
        attempts: rule.retries.attempts,
        perTryTimeout: rule.retries.perTryTimeout ? formatDuration(rule.retries.perTryTimeout) : undefined,
        retryOn: rule.retries.retryOn?.join(','),
      }
      : undefined,
    fault: rule.fault
      ? rule.fault.kind === FaultKind.DELAY
        ? { delay: { fixedDelay: formatDuration(rule.fault.fixedDelay!), percentage: { value: rule.fault.percentage } } }
        : { abort: { httpStatus: rule.fault.httpStatus, percentage: { value: rule.fault.percentage } } }
      : undefined,
    mirrors: rule.mirror
      ? [
        {
          destination: { host: rule.mirror.backend.host, port: { number: rule.mirror.backend.port }, subset: rule.mirror.backend.subset },
          percentage: { value: rule.mirror.percentage },
        },
      ]
      : undefined,
    rewrite: rule.rewrite ? { ...uriRewrite(rule), authority: rule.rewrite.host } : undefined,
    corsPolicy: rule.cors ? corsPolicy(rule.cors) : undefined,
    headers:
      rule.requestHeaders || rule.responseHeaders
        ? { request: headerEdits(rule.requestHeaders), response: headerEdits(rule.responseHeaders) }
        : undefined,
  };
}

/**
 * The path rewrite, with the Gateway API's meaning of ReplacePrefixMatch in both APIs: the matched
 * prefix is replaced as a whole path segment, so `/api` → `/` sends `/api/users` as `/users` and
 * `/api` as `/`. Envoy's prefix_rewrite (a VirtualService `uri`) replaces characters: `/api` → `/`
 * gives `//users`. It is kept where it means the same (prefix and replacement both with, or both
 * without, a trailing '/'); otherwise the rule's prefixes become one `uriRegexRewrite`.
 */
function uriRewrite(rule: HttpRuleModel): Pick<istio.VirtualServiceSpecHttpRewrite, 'uri' | 'uriRegexRewrite'> {
  const replacement = rule.rewrite?.pathPrefix;
  if (replacement === undefined) return {};
  const prefixes = rule.matches.map((m) => m.path?.value ?? '/');
  const slash = (p: string) => p.endsWith('/');
  if (prefixes.every((p) => slash(p) === slash(replacement))) return { uri: replacement };
  const trim = (p: string) => (p.endsWith('/') ? p.slice(0, -1) : p);
  const quoted = [...new Set(prefixes.map((p) => trim(p).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')))];
  const alternatives = quoted.length === 1 ? quoted[0] : `(?:${quoted.join('|')})`;
  const to = trim(replacement);
  // The prefix ends a segment (`/api` is not `/apix`); the rest of the path follows the replacement.
  return to === ''
    ? { uriRegexRewrite: { match: `^${alternatives}(?:/|$)(.*)$`, rewrite: '/\\1' } }
    : { uriRegexRewrite: { match: `^${alternatives}(/.*)?$`, rewrite: `${to}\\1` } };
}

/**
 * A CORS origin as Istio converts an HTTPRoute's: `*` any origin, a wildcard host
 * (`https://*.example.com`) a regular expression, any other origin exactly. An exact
 * `https://*.example.com` would match no browser's Origin header.
 */
function corsOrigin(origin: string): istio.VirtualServiceSpecHttpCorsPolicyAllowOrigins {
  if (origin === '*') return { regex: '.*' };
  if (!origin.includes('*')) return { exact: origin };
  return { regex: `^${origin.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&').replace(/\\\*/g, '.*')}$` };
}

function corsPolicy(cors: CorsPolicy): istio.VirtualServiceSpecHttpCorsPolicy {
  return {
    allowOrigins: cors.allowOrigins.map(corsOrigin),
    allowMethods: cors.allowMethods,
    allowHeaders: cors.allowHeaders,
    exposeHeaders: cors.exposeHeaders,
    maxAge: cors.maxAge ? formatDuration(cors.maxAge) : undefined,
    allowCredentials: cors.allowCredentials,
  };
}

function headerEdits(edits: HeaderEdits | undefined) {
  if (!edits) return undefined;
  return { set: edits.set, add: edits.add, remove: edits.remove };
}

function httpMatch(match: HttpRouteMatch): istio.VirtualServiceSpecHttpMatch {
  const path = match.path;
  return {
    uri: path
      ? {
        prefix: path.kind === PathMatchKind.PREFIX ? path.value : undefined,
        exact: path.kind === PathMatchKind.EXACT ? path.value : undefined,
        regex: path.kind === PathMatchKind.REGEX ? path.value : undefined,
      }
      : undefined,
    headers: stringMatches(match.headers, (name) => name.toLowerCase()),
    queryParams: stringMatches(match.queryParams, (name) => name),
    method: match.method ? { exact: match.method } : undefined,
  };
}

function stringMatches(list: NamedStringMatch[] | undefined, key: (name: string) => string) {
  if (!list || list.length === 0) return undefined;
  return Object.fromEntries(list.map((m) => [key(m.name), stringMatch(m.value)]));
}

function stringMatch(value: StringMatch): { exact?: string; prefix?: string; regex?: string } {
  return { [value.kind]: value.value };
}

function destinationRuleSpec(policy: BackendPolicyModel): istio.DestinationRuleSpec {
  const pool = policy.connectionPool;
  const outliers = policy.outlierDetection;
  const ms = (d?: Duration) => (d ? formatDuration(d) : undefined);
  const trafficPolicy: istio.DestinationRuleSpecTrafficPolicy = {
    tls: policy.tlsMode ? { mode: policy.tlsMode as istio.DestinationRuleSpecTrafficPolicyTlsMode } : undefined,
    loadBalancer: policy.loadBalancer
      ? { simple: policy.loadBalancer as string as istio.DestinationRuleSpecTrafficPolicyLoadBalancerSimple }
      : undefined,
    connectionPool: pool && Object.values(pool).some((v) => v !== undefined)
      ? {
        tcp: pool.maxConnections !== undefined || pool.connectTimeout
          ? { maxConnections: pool.maxConnections, connectTimeout: ms(pool.connectTimeout) }
          : undefined,
        http: pool.maxPendingRequests !== undefined || pool.maxRequests !== undefined || pool.maxRequestsPerConnection !== undefined
          ? {
            http1MaxPendingRequests: pool.maxPendingRequests,
            http2MaxRequests: pool.maxRequests,
            maxRequestsPerConnection: pool.maxRequestsPerConnection,
          }
          : undefined,
      }
      : undefined,
    outlierDetection: outliers
      ? {
        consecutive5XxErrors: outliers.consecutive5xxErrors,
        interval: ms(outliers.interval),
        baseEjectionTime: ms(outliers.baseEjectionTime),
        maxEjectionPercent: outliers.maxEjectionPercent,
      }
      : undefined,
  };
  return {
    host: policy.host,
    trafficPolicy: Object.values(trafficPolicy).some((v) => v !== undefined) ? trafficPolicy : undefined,
    subsets: policy.subsets.length > 0 ? policy.subsets.map((s) => ({ name: s.name, labels: s.labels })) : undefined,
  };
}
