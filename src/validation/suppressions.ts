import { IConstruct } from 'constructs';
import { describeValue } from './input-shape';
import { q } from './names';
import { AppRegistry } from '../model/registry';

/**
 * Rules that Istio itself only warns about. Each fails synth like any other rule until it is
 * suppressed, with a reason, on the construct (or on a scope above it).
 */
export enum SuppressibleRule {
  /**
   * A route host that no listener of its gateway serves (istioctl IST0132). Suppress when the
   * listener is added to the gateway elsewhere.
   */
  ROUTE_HOST_NOT_SERVED = 'route-host-not-served',

  /**
   * One credential Secret used by several Gateways on the same workload: Envoy serves one
   * certificate per SNI, so which Gateway's settings win is undefined (istioctl IST0138-like).
   */
  SHARED_CREDENTIAL = 'shared-credential',

  /**
   * Several Istio API routes bound to one gateway share a host: Istio merges their VirtualServices
   * in creation order, so which rule matches first is undefined across them. Suppress when their
   * rules cannot overlap.
   */
  MERGED_ROUTES = 'merged-routes',

  /**
   * A listener whose port the deployed gateway Service does not expose (istioctl IST0162).
   */
  SERVICE_PORT_MISSING = 'service-port-missing',
}

/**
 * Acknowledges, with a reason, a rule that Istio only warns about.
 */
export class GatewayValidation {
  /**
   * Suppresses `rule` for `scope` and every construct below it.
   *
   * @param scope the construct (or chart, or app) the suppression applies to
   * @param rule the rule to suppress
   * @param reason why this is safe here (kept for reviewers; must not be empty)
   */
  public static suppress(scope: IConstruct, rule: SuppressibleRule, reason: string): void {
    // From JavaScript, or with values read from YAML: a rule or reason of the wrong type is reported
    // at synth like any other input, and suppresses nothing.
    const rules: unknown[] = Object.values(SuppressibleRule);
    if (!rules.includes(rule)) {
      const known = Object.entries(SuppressibleRule).map(([k, v]) => `SuppressibleRule.${k} (${q(v)})`).join(', ');
      scope.node.addValidation({ validate: () => [`suppression: rule is ${describeValue(rule)}, which is not a SuppressibleRule; use one of ${known}.`] });
      return;
    }
    if (typeof reason !== 'string' || reason.trim().length === 0) {
      scope.node.addValidation({ validate: () => [`suppression of ${rule} needs a reason; say why it is safe here.`] });
      if (typeof reason !== 'string') return;
    }
    AppRegistry.of(scope).suppress(scope, rule, reason);
  }

  /** Whether `rule` is suppressed for `scope` (on it or a scope above it). */
  public static isSuppressed(scope: IConstruct, rule: SuppressibleRule): boolean {
    return AppRegistry.of(scope).isSuppressed(scope, rule);
  }
}
