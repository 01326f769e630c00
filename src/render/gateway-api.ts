import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import * as gw from '../../imports/gateway.networking.k8s.io';
import { ApiFlavor } from '../api-flavor';
import { formatDuration } from '../duration';
import { GatewayListener, ListenerProtocol } from '../listener';
import { HttpRouteMatch, NamedStringMatch, PathMatchKind, StringMatchKind } from '../match';
import { GatewayModel } from '../model/gateway';
import { HttpRouteModel, HttpRuleModel } from '../model/route';
import { HttpRouteActionKind } from '../route-action';
import type { ObjectMeta, Renderer } from './renderer';

/**
 * Renders the intent model as the Kubernetes Gateway API (gateway.networking.k8s.io/v1) with
 * Istio's gateway classes.
 */
export class GatewayApiRenderer implements Renderer {
  public readonly api = ApiFlavor.GATEWAY_API;

  public gateway(scope: Construct, id: string, meta: ObjectMeta, model: () => GatewayModel): ApiObject {
    return new gw.Gateway(scope, id, {
      metadata: { ...meta },
      spec: Lazy.any({ produce: () => gatewaySpec(model()) }),
    });
  }

  public httpRoute(scope: Construct, id: string, meta: ObjectMeta, model: () => HttpRouteModel): ApiObject {
    return new gw.HttpRoute(scope, id, {
      metadata: { ...meta },
      spec: Lazy.any({ produce: () => httpRouteSpec(model()) }),
    });
  }
}

function gatewaySpec(gateway: GatewayModel): gw.GatewaySpec {
  return {
    gatewayClassName: gateway.gatewayClassName,
    listeners: gateway.listeners.flatMap(listeners),
  };
}

/**
 * A Gateway API listener has at most one hostname: a listener with several hosts becomes one
 * listener per host, named `<name>-<index>` after the first. `*` means no hostname (any).
 */
function listeners(listener: GatewayListener): gw.GatewaySpecListeners[] {
  const hosts = listener.hosts.includes('*') ? [undefined] : listener.hosts;
  return hosts.map((hostname, index) => ({
    name: index === 0 ? listener.name : `${listener.name}-${index}`,
    port: listener.port,
    protocol: listener.protocol,
    hostname,
    tls: listenerTls(listener),
    allowedRoutes: { namespaces: { from: gw.GatewaySpecListenersAllowedRoutesNamespacesFrom.SAME } },
  }));
}

function listenerTls(listener: GatewayListener): gw.GatewaySpecListenersTls | undefined {
  switch (listener.protocol) {
    case ListenerProtocol.HTTPS:
      return {
        mode: gw.GatewaySpecListenersTlsMode.TERMINATE,
        certificateRefs: [{ kind: 'Secret', name: listener.tls!.credentialName }],
      };
    case ListenerProtocol.TLS:
      return { mode: gw.GatewaySpecListenersTlsMode.PASSTHROUGH };
    default:
      return undefined;
  }
}

function httpRouteSpec(route: HttpRouteModel): gw.HttpRouteSpec {
  return {
    parentRefs: [{ name: route.gateway.name, namespace: route.gateway.namespace }],
    hostnames: route.hosts.includes('*') ? undefined : route.hosts,
    rules: route.rules.map(rule),
  };
}

function rule(r: HttpRuleModel): gw.HttpRouteSpecRules {
  const action = r.action;
  const several = r.backends.length > 1;
  const redirect = action.redirectOptions;
  return {
    name: r.name,
    matches: r.matches.length > 0 ? r.matches.map(match) : undefined,
    backendRefs:
      action.kind === HttpRouteActionKind.FORWARD
        ? r.backends.map((b) => ({
          name: b.serviceName,
          namespace: b.namespace,
          port: b.port,
          weight: several ? b.weight ?? 1 : undefined,
        }))
        : undefined,
    filters:
      action.kind === HttpRouteActionKind.REDIRECT
        ? [
          {
            type: gw.HttpRouteSpecRulesFiltersType.REQUEST_REDIRECT,
            requestRedirect: {
              scheme: redirect?.scheme as gw.HttpRouteSpecRulesFiltersRequestRedirectScheme | undefined,
              hostname: redirect?.host,
              port: redirect?.port,
              path: redirect?.path
                ? { type: gw.HttpRouteSpecRulesFiltersRequestRedirectPathType.REPLACE_FULL_PATH, replaceFullPath: redirect.path }
                : undefined,
              statusCode: redirect?.statusCode as gw.HttpRouteSpecRulesFiltersRequestRedirectStatusCode | undefined,
            },
          },
        ]
        : undefined,
    timeouts: r.timeout ? { request: formatDuration(r.timeout) } : undefined,
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
