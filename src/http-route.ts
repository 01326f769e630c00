import { ApiObject, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { ApiFlavor } from './api-flavor';
import { Backend, ForwardTarget } from './backend';
import { FaultInjection } from './fault';
import { IGateway } from './gateway-ref';
import { CorsPolicy, HeaderEdits, HttpRewrite, MirrorPolicy } from './http-policies';
import { L1ApiObject } from './l1-api-object';
import { ListenerProtocol } from './listener';
import { HttpRouteMatch } from './match';
import { AppRegistry } from './model/registry';
import { resolveBackend } from './model/resolve-backend';
import { ResolvedBackend, HttpRouteModel, HttpRuleModel } from './model/route';
import { orderRules } from './model/rule-order';
import { resolveNamespace } from './namespace';
import { gatewayApiListenerNames, listenerHostnames } from './render/gateway-api';
import { ReferenceGrants } from './render/reference-grants';
import { rendererFor } from './render/renderer';
import { objectProps } from './render/typed-object';
import { RetryPolicy } from './retry';
import { HttpRouteAction, HttpRouteActionKind } from './route-action';
import { hostsIntersect } from './validation/hosts';
import { checkArg, checkStruct, inputFirst, InputProblems, required } from './validation/input-shape';
import { listenersKey, ValidationMemo } from './validation/memo';
import { GATEWAY, HTTP_ROUTE_SHAPE, HTTP_RULE, NO_GATEWAY } from './validation/route-input';
import { httpRouteProblems } from './validation/route-rules';

/**
 * One rule of an HTTP route: the requests it matches and what it does with them.
 */
export interface HttpRouteRule {
  /**
   * A name for the rule, shown in the rendered route and in messages.
   * @default - unnamed
   */
  readonly name?: string;

  /**
   * The requests this rule applies to: any one of the matches (OR); inside one match, every
   * condition must hold (AND).
   * @default - every request
   */
  readonly matches?: HttpRouteMatch[];

  /**
   * What to do with a matching request. Give this or `forwardTo`.
   * @default - forward to `forwardTo`
   */
  readonly action?: HttpRouteAction;

  /**
   * Forward matching requests to these Services: the same as
   * `action: HttpRouteAction.forward([Backend.service(...), ...])`, written as data. Give this or
   * `action`. Routes described this way are plain data end to end, so from Python, Java or Go a
   * whole set of routes crosses into the library in one `addHttpRoutes()` call.
   * @default - `action` says what to do
   */
  readonly forwardTo?: ForwardTarget[];

  /**
   * How long the gateway waits for the whole response (whole milliseconds, at least 1ms).
   * @default - no timeout
   */
  readonly timeout?: Duration;

  /**
   * Retries of failed requests (Istio API).
   * @default - Istio's default retry policy
   */
  readonly retries?: RetryPolicy;

  /**
   * Faults injected into matching requests (Istio API).
   * @default - none
   */
  readonly fault?: FaultInjection;

  /**
   * A copy of matching requests sent to another backend.
   * @default - none
   */
  readonly mirror?: MirrorPolicy;

  /**
   * Path prefix and host rewrites before forwarding.
   * @default - none
   */
  readonly rewrite?: HttpRewrite;

  /**
   * CORS answered at the gateway.
   * @default - none
   */
  readonly cors?: CorsPolicy;

  /**
   * Edits of the request headers before forwarding.
   * @default - none
   */
  readonly requestHeaders?: HeaderEdits;

  /**
   * Edits of the response headers before answering.
   * @default - none
   */
  readonly responseHeaders?: HeaderEdits;
}

/**
 * Options for an HTTP route bound to a gateway.
 */
export interface HttpRouteOptions {
  /**
   * Name of the VirtualService or HTTPRoute.
   * @default - named by the chart from the construct path, as any ApiObject (with a hash, unless the chart disables resource name hashes)
   */
  readonly name?: string;

  /**
   * Namespace of the route.
   * @default - the chart's namespace, else `default`
   */
  readonly namespace?: string;

  /**
   * The hosts the route serves; each must be served by a listener of the gateway. `*` serves every
   * host of the gateway.
   * @default ['*']
   */
  readonly hosts?: string[];

  /**
   * The rules. They are evaluated most specific first (see the README's "Route order"), whatever
   * the order given.
   * @default - none; add them with addRule(), or give `forwardTo`
   */
  readonly rules?: HttpRouteRule[];

  /**
   * Forward every request that no rule matches to these Services (like a Kubernetes Ingress's
   * default backend): a last rule without conditions. Without `rules`, the route sends every
   * request for its hosts there, written as one struct: the route `{ hosts, forwardTo }` is
   * `{ hosts, rules: [{ forwardTo }] }`.
   * @default - requests no rule matches are answered 404 by the gateway
   */
  readonly forwardTo?: ForwardTarget[];
}

/**
 * Props for `HttpRoute`.
 */
export interface HttpRouteProps extends HttpRouteOptions {
  /** The gateway the route binds to. */
  readonly gateway: IGateway;
}

/**
 * One HTTP route of `IngressGateway.addHttpRoutes()`: its construct id and its options.
 */
export interface HttpRouteEntry extends HttpRouteOptions {
  /** The route's construct id (a child of the gateway). */
  readonly id: string;
}

/**
 * HTTP routing for a set of hosts on one gateway: a VirtualService (Istio API) or an HTTPRoute
 * (Gateway API), whichever API the gateway is written in.
 *
 * The route is that object itself (an `ApiObject`, like the classes `cdk8s import` generates; see
 * `L1ApiObject`), so escape hatches such as `addJsonPatch()` and `metadata.addLabel()` apply to it
 * directly.
 */
export class HttpRoute extends L1ApiObject {
  /** Name of the route object. */
  public readonly routeName: string;
  /** Namespace of the route object. */
  public readonly routeNamespace: string;
  /** The gateway the route binds to. */
  public readonly gateway: IGateway;
  /** The VirtualService or HTTPRoute: this route itself. */
  public readonly apiObject: ApiObject;

  private readonly hosts: string[];
  private readonly rules: HttpRouteRule[] = [];
  /** The route's own `forwardTo`, as a rule: always the last. */
  private readonly fallback?: HttpRouteRule;
  private readonly grants?: ReferenceGrants;
  /** The model, kept until a rule is added: validation reads it twice per synthYaml(), rendering once. */
  private cachedModel?: HttpRouteModel;
  /**
   * Problems of the input's shape (wrong types from untyped callers), reported at synth.
   * @internal
   */
  public readonly _input: InputProblems;

  public constructor(scope: Construct, id: string, givenProps: HttpRouteProps) {
    // The caller's input checked and copied (lists included) before anything reads it.
    const input: InputProblems = [];
    const props: HttpRouteProps = {
      ...checkStruct(HTTP_ROUTE_SHAPE, givenProps, input, '{ hosts: ["shop.example.com"], rules: [...] }'),
      gateway: checkArg(required(GATEWAY, NO_GATEWAY, 'give the IngressGateway the route binds to'), givenProps?.gateway, 'gateway', input),
    };
    const namespace = resolveNamespace(scope, props.namespace);
    // The spec is rendered at synth, from the model of the route as it is then.
    let route: HttpRoute | undefined;
    const form = rendererFor(props.gateway.api).httpRoute(() => route!.model());
    super(scope, id, objectProps(form, props.name, namespace));
    route = this;
    this._input = input;
    this.gateway = props.gateway;
    this.routeNamespace = namespace;
    this.routeName = this.name;
    this.hosts = [...(props.hosts ?? ['*'])];
    this.apiObject = this;
    if (this.gateway.api === ApiFlavor.GATEWAY_API) {
      this.grants = new ReferenceGrants(this, this.routeNamespace);
    }
    for (const rule of props.rules ?? []) this.addChecked(rule);
    if (props.forwardTo) {
      this.fallback = { forwardTo: props.forwardTo };
      this.track(this.fallback);
    }
    const registry = AppRegistry.of(this);
    registry.registerHttpRoute(this.gateway, this, () => this.hosts);

    registry.registerOwner(this);
    const memo = new ValidationMemo(registry);
    this.node.addValidation({
      validate: inputFirst(input, () => {
        const model = this.model();
        const gateway = registry.gatewayModel(this.gateway);
        const policiesByHost = registry.backendPoliciesByHost();
        const key: unknown[] = [model, gateway, policiesByHost];
        if (gateway) listenersKey(registry, gateway.listeners, key);
        return memo.problemsOf(key, () => httpRouteProblems(model, { api: this.gateway.api, gateway, policiesByHost, scope: this }));
      }),
    });
  }

  /** Adds a rule. */
  public addRule(rule: HttpRouteRule): void {
    const checked = HTTP_RULE(rule, `rules[${this.rules.length}]`, this._input);
    if (checked === undefined) {
      AppRegistry.recordChange(this);
      return;
    }
    this.addChecked(checked);
  }

  /** Adds a rule whose shape is checked. */
  private addChecked(rule: HttpRouteRule): void {
    this.rules.push(rule);
    this.track(rule);
  }

  /** Records a new rule: what it changes for validation, and the policies and grants it needs now. */
  private track(rule: HttpRouteRule): void {
    AppRegistry.recordChange(this);
    this.cachedModel = undefined;
    const action = actionOf(rule);
    // Resolved here only for what needs them now: subsets (dependencies on their policies) and grants.
    if (!this.grants && !namesSubset(rule, action)) return;
    const backends = this.resolveBackends(rule, action);
    for (const backend of backends) {
      if (backend.subset !== undefined) AppRegistry.of(this).registerSubsetUser(this, backend.host);
    }
    this.grants?.allow(backends);
  }

  private resolveBackends(rule: HttpRouteRule, action: HttpRouteAction): ResolvedBackend[] {
    const forwarded = action.kind === HttpRouteActionKind.FORWARD ? action.backends : [];
    return [...forwarded, ...(rule.mirror ? [rule.mirror.backend] : [])].map((b) => this.resolve(b));
  }

  private resolve(backend: Backend): ResolvedBackend {
    return resolveBackend(backend, this.routeNamespace);
  }

  /**
   * With the Gateway API, a gateway that redirects plain HTTP to HTTPS does so with its own route on
   * the redirecting listeners; this route then binds to the other HTTP(S) listeners only, or its
   * more specific matches would win over the redirect and serve plain HTTP.
   */
  private listenerNames(): string[] | undefined {
    if (this.gateway.api !== ApiFlavor.GATEWAY_API) return undefined;
    const gateway = AppRegistry.of(this).gatewayModel(this.gateway);
    if (!gateway || !gateway.listeners.some((l) => l.httpsRedirect)) return undefined;
    const all = gateway.listeners.filter((l) => (l.protocol === ListenerProtocol.HTTP || l.protocol === ListenerProtocol.HTTPS) && !l.httpsRedirect);
    // Only the listeners whose hostname meets one of the route's hosts: a parentRef naming a listener
    // that serves none of them is not accepted (NoMatchingListenerHostname in the route's status).
    const meeting = all.flatMap((l) => {
      const hostnames = listenerHostnames(l);
      return gatewayApiListenerNames(l).filter((_, i) => hostnames[i] === undefined || this.hosts.some((h) => hostsIntersect(h, hostnames[i]!)));
    });
    return meeting.length > 0 ? meeting : all.flatMap(gatewayApiListenerNames);
  }

  private model(): HttpRouteModel {
    if (this.cachedModel) return this.cachedModel;
    const rules = orderRules(this.rules.map((rule) => this.ruleModel(rule, false)));
    if (this.fallback) rules.push(this.ruleModel(this.fallback, true));
    this.cachedModel = {
      constructPath: this.node.path,
      name: this.routeName,
      namespace: this.routeNamespace,
      gateway: { name: this.gateway.gatewayName, namespace: this.gateway.gatewayNamespace },
      hosts: this.hosts,
      listenerNames: this.listenerNames(),
      rules,
    };
    return this.cachedModel;
  }

  private ruleModel(rule: HttpRouteRule, fallback: boolean): HttpRuleModel {
    const action = actionOf(rule);
    // Every field written out rather than `{ ...rule, ... }`: V8 gives objects made by a spread
    // followed by more properties a shape on which reading an absent property (most rules have
    // no retries, fault, CORS...) takes microseconds, and validation and rendering read them all.
    return {
      name: rule.name,
      matches: rule.matches ?? [],
      action,
      actionGiven: actionGiven(rule),
      backends: action.kind === HttpRouteActionKind.FORWARD ? action.backends.map((b) => this.resolve(b)) : [],
      timeout: rule.timeout,
      retries: rule.retries,
      fault: rule.fault,
      mirror: rule.mirror ? { backend: this.resolve(rule.mirror.backend), percentage: rule.mirror.percentage ?? 100 } : undefined,
      rewrite: rule.rewrite,
      cors: rule.cors,
      requestHeaders: rule.requestHeaders,
      responseHeaders: rule.responseHeaders,
      fallback,
    };
  }
}

/** A rule's action: its `action`, else a forward to its `forwardTo` (empty when it gives neither). */
function actionOf(rule: HttpRouteRule): HttpRouteAction {
  if (rule.action) return rule.action;
  return HttpRouteAction.forward((rule.forwardTo ?? []).map(backendOf));
}

function backendOf(target: ForwardTarget): Backend {
  return Backend.service(target.service, target);
}

/** Which of `action` and `forwardTo` a rule gives, when that is not exactly one. */
function actionGiven(rule: HttpRouteRule): 'both' | 'neither' | undefined {
  if (rule.action && rule.forwardTo) return 'both';
  if (!rule.action && !rule.forwardTo) return 'neither';
  return undefined;
}

/** Whether a rule sends (or mirrors) to a subset of a Service. */
function namesSubset(rule: HttpRouteRule, action: HttpRouteAction): boolean {
  const forwarded = action.kind === HttpRouteActionKind.FORWARD ? action.backends : [];
  return forwarded.some((b) => b.subset !== undefined) || rule.mirror?.backend.subset !== undefined;
}
