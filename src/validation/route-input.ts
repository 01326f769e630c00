import { ApiFlavor } from '../api-flavor';
import { Backend, FORWARD_TARGET_SHAPE } from '../backend';
import { FaultInjection } from '../fault';
import { IGateway } from '../gateway-ref';
import { CorsPolicy, HeaderEdits, HttpRewrite, MirrorPolicy } from '../http-policies';
import type { HttpRouteOptions, HttpRouteRule } from '../http-route';
import { HttpRouteMatch, NamedStringMatch, PathMatch, StringMatch } from '../match';
import { RetryPolicy } from '../retry';
import { HttpRouteAction } from '../route-action';
import type { TcpRouteOptions, TlsRouteOptions } from '../stream-route';
import { bool, Check, describeValue, duration, InputProblems, instanceOf, list, num, optional, portNumber, required, Shape, str, stringMap, struct } from './input-shape';

/*
 * What the options of the route constructs must hold: the tables their constructors, addRule() and
 * addTlsRoute()/addTcpRoute() check the caller's input against (see input-shape.ts).
 */

const BACKEND = instanceOf(Backend, 'Backend.service(name, { port })');
const BACKENDS = required(list(BACKEND, '[Backend.service("web", { port: 80 })]'), [], 'give a list of backends, like [Backend.service("web", { port: 80 })]');
const HOSTS = list(str('shop.example.com'), '["shop.example.com"]');
const STRINGS = (example: string) => optional(list(str(example), `[${JSON.stringify(example)}]`));
const FORWARD_TO = optional(list(struct(FORWARD_TARGET_SHAPE, '{ service: "web", port: 80 }'), '[{ service: "web", port: 80 }]'));

let placeholderBackend: Backend | undefined;
/** What stands in for a mirror backend that is not a Backend, until validation reports it. */
function mirrorBackend(): Backend {
  return (placeholderBackend ??= Backend.service('invalid', { port: 1 }));
}

const NAMED_MATCH = struct<NamedStringMatch>(
  {
    name: required(str('x-user'), '', 'give the header or query parameter name'),
    value: required(instanceOf(StringMatch, 'StringMatch.exact(), StringMatch.prefix() or StringMatch.regex()'), StringMatch.exact(''), 'give a StringMatch, like StringMatch.exact("1")'),
  },
  '{ name: "x-user", value: StringMatch.exact("1") }',
);

const MATCH_SHAPE: Shape<HttpRouteMatch> = {
  path: optional(instanceOf(PathMatch, 'PathMatch.prefix(), PathMatch.exact() or PathMatch.regex()')),
  headers: optional(list(NAMED_MATCH, '[{ name: "x-user", value: StringMatch.exact("1") }]')),
  queryParams: optional(list(NAMED_MATCH, '[{ name: "debug", value: StringMatch.exact("1") }]')),
  method: optional(str('GET')),
};

const RETRY_SHAPE: Shape<RetryPolicy> = {
  attempts: required(num(3), 0, 'give the number of retries, like 3'),
  perTryTimeout: optional(duration("leave it out for the rule's timeout")),
  retryOn: STRINGS('5xx'),
};

const MIRROR_SHAPE: Shape<MirrorPolicy> = {
  backend: (value, path, out) => required(BACKEND, mirrorBackend(), 'give a Backend, like Backend.service("shadow", { port: 80 })')(value, path, out),
  percentage: optional(num(50)),
};

const REWRITE_SHAPE: Shape<HttpRewrite> = { pathPrefix: optional(str('/')), host: optional(str('internal.example.com')) };

const CORS_SHAPE: Shape<CorsPolicy> = {
  allowOrigins: required(list(str('https://app.example.com'), '["https://app.example.com"]'), [], 'give the allowed origins, like ["https://app.example.com"]'),
  allowMethods: STRINGS('GET'),
  allowHeaders: STRINGS('authorization'),
  exposeHeaders: STRINGS('x-request-id'),
  maxAge: optional(duration('leave it out for no caching of preflight answers')),
  allowCredentials: optional(bool),
};

const HEADER_EDITS_SHAPE: Shape<HeaderEdits> = {
  set: optional(stringMap('{ "x-env": "prod" }')),
  add: optional(stringMap('{ "x-env": "prod" }')),
  remove: STRINGS('x-debug'),
};

const RULE_SHAPE: Shape<HttpRouteRule> = {
  name: optional(str('checkout')),
  matches: optional(list(struct(MATCH_SHAPE, '{ path: PathMatch.prefix("/api") }'), '[{ path: PathMatch.prefix("/api") }]')),
  action: optional(instanceOf(HttpRouteAction, 'HttpRouteAction.forward(), .forwardTo(), .redirect() or .directResponse()')),
  forwardTo: FORWARD_TO,
  timeout: optional(duration('leave it out for no timeout')),
  retries: optional(struct(RETRY_SHAPE, '{ attempts: 3 }')),
  fault: optional(instanceOf(FaultInjection, 'FaultInjection.delay() or FaultInjection.abort()')),
  mirror: optional(struct(MIRROR_SHAPE, '{ backend: Backend.service("shadow", { port: 80 }) }')),
  rewrite: optional(struct(REWRITE_SHAPE, '{ pathPrefix: "/" }')),
  cors: optional(struct(CORS_SHAPE, '{ allowOrigins: ["https://app.example.com"] }')),
  requestHeaders: optional(struct(HEADER_EDITS_SHAPE, '{ set: { "x-env": "prod" } }')),
  responseHeaders: optional(struct(HEADER_EDITS_SHAPE, '{ set: { "x-env": "prod" } }')),
};

/** Checks one HTTP route rule. */
export const HTTP_RULE = struct(RULE_SHAPE, '{ matches: [...], forwardTo: [{ service: "web", port: 80 }] }');

/** What HttpRouteOptions must hold. */
export const HTTP_ROUTE_SHAPE: Shape<HttpRouteOptions> = {
  name: optional(str('shop')),
  namespace: optional(str('team-a')),
  hosts: optional(HOSTS),
  rules: optional(list(HTTP_RULE, '[{ forwardTo: [{ service: "web", port: 80 }] }]')),
  forwardTo: FORWARD_TO,
};

/** What TlsRouteOptions must hold. */
export const TLS_ROUTE_SHAPE: Shape<TlsRouteOptions> = {
  name: optional(str('passthrough')),
  namespace: optional(str('team-a')),
  hosts: required(HOSTS, [], 'give the SNI hosts, like ["db.example.com"]'),
  backends: BACKENDS,
  port: optional(portNumber),
};

/** What TcpRouteOptions must hold. */
export const TCP_ROUTE_SHAPE: Shape<TcpRouteOptions> = {
  name: optional(str('tcp')),
  namespace: optional(str('team-a')),
  port: required(portNumber, 0, 'give the port of the TCP listener, like 9000'),
  backends: BACKENDS,
};

const API = Object.values(ApiFlavor) as string[];

/** A gateway a route binds to: an IngressGateway, or one from IngressGateway.fromGatewayName(). */
export const GATEWAY: Check<IGateway> = (value, path, out) => {
  const g = value as Partial<IGateway> | null | undefined;
  if (typeof g === 'object' && g !== null && typeof g.gatewayName === 'string' && typeof g.gatewayNamespace === 'string' && API.includes(g.api as string)) {
    return g as IGateway;
  }
  out.push({ path, text: `is ${describeValue(value)}, not a gateway; give an IngressGateway, or one from IngressGateway.fromGatewayName().` });
  return undefined;
};

/** What stands in for a gateway that is not one, until validation reports it. */
export const NO_GATEWAY: IGateway = { gatewayName: 'invalid', gatewayNamespace: 'invalid', api: ApiFlavor.ISTIO } as IGateway;

export type { InputProblems };
