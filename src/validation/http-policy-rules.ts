import { isDnsLabel, isPort, q } from './names';
import { durationProblems, HEADER_NAME } from './values';
import { ApiFlavor } from '../api-flavor';
import { FaultKind } from '../fault';
import { HeaderEdits } from '../http-policies';
import { PathMatchKind } from '../match';
import { HttpRuleModel } from '../model/route';
import { HttpRouteActionKind } from '../route-action';

const ISTIO_ONLY = 'render this gateway with ApiFlavor.ISTIO, or leave it out';

function isPercentage(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= 100;
}

/** Whether a rule has any of the policies `httpPolicyProblems()` checks (most rules have none). */
export function hasHttpPolicies(rule: HttpRuleModel): boolean {
  return (
    rule.retries !== undefined ||
    rule.fault !== undefined ||
    rule.mirror !== undefined ||
    rule.rewrite !== undefined ||
    rule.cors !== undefined ||
    rule.requestHeaders !== undefined ||
    rule.responseHeaders !== undefined
  );
}

/** The rules for a rule's retries, fault injection, mirror, rewrite, CORS and header edits. */
export function httpPolicyProblems(where: string, rule: HttpRuleModel, api: ApiFlavor): string[] {
  const problems: string[] = [];
  const gatewayApi = api === ApiFlavor.GATEWAY_API;
  const forwards = rule.action.kind === HttpRouteActionKind.FORWARD;

  if (rule.retries) {
    if (gatewayApi) problems.push(`${where}: retries are not in the Gateway API's standard channel; ${ISTIO_ONLY}.`);
    if (!(Number.isInteger(rule.retries.attempts) && rule.retries.attempts >= 0)) {
      problems.push(`${where}: retries.attempts ${rule.retries.attempts} must be a whole number of at least 0.`);
    }
    if (rule.retries.perTryTimeout) problems.push(...durationProblems(`${where}: retries.perTryTimeout`, rule.retries.perTryTimeout, "leave it out for the rule's timeout"));
  }

  if (rule.fault) {
    const fault = rule.fault;
    if (gatewayApi) problems.push(`${where}: fault injection is an Istio API feature the Gateway API cannot express; ${ISTIO_ONLY}.`);
    if (!isPercentage(fault.percentage)) problems.push(`${where}: fault percentage ${fault.percentage} must be from 0 to 100.`);
    if (fault.kind === FaultKind.DELAY) problems.push(...durationProblems(`${where}: fault delay`, fault.fixedDelay!, 'leave the fault out for no delay'));
    if (fault.kind === FaultKind.ABORT && !(Number.isInteger(fault.httpStatus) && fault.httpStatus! >= 200 && fault.httpStatus! <= 599)) {
      problems.push(`${where}: fault abort status ${fault.httpStatus} must be a whole number from 200 to 599.`);
    }
  }

  if (rule.mirror) {
    const { backend, percentage } = rule.mirror;
    if (!isPercentage(percentage)) problems.push(`${where}: mirror percentage ${percentage} must be from 0 to 100.`);
    if (!isDnsLabel(backend.serviceName)) problems.push(`${where}: mirror Service name ${q(backend.serviceName)} is not a DNS-1123 label.`);
    if (!isPort(backend.port)) problems.push(`${where}: mirror port ${backend.port} is out of range; use a whole number from 1 to 65535.`);
    if (gatewayApi && backend.subset) {
      problems.push(`${where}: the mirror names subset ${q(backend.subset)}, which the Gateway API cannot express; ${ISTIO_ONLY}.`);
    }
  }

  if (rule.rewrite) {
    if (!forwards) {
      problems.push(`${where}: a rewrite applies only to forwarded requests; a rule that redirects or answers directly cannot also rewrite.`);
    }
    const prefix = rule.rewrite.pathPrefix;
    if (prefix !== undefined) {
      if (!prefix.startsWith('/')) problems.push(`${where}: rewrite.pathPrefix ${q(prefix)} must start with "/".`);
      const prefixOnly = rule.matches.length > 0 && rule.matches.every((m) => m.path?.kind === PathMatchKind.PREFIX);
      if (!prefixOnly) {
        problems.push(
          `${where}: rewrite.pathPrefix replaces the matched prefix, so every match of the rule needs a PathMatch.prefix(); add one, or drop the rewrite.`,
        );
      }
    }
  }

  if (rule.cors) {
    if (rule.cors.allowOrigins.length === 0) problems.push(`${where}: cors.allowOrigins is empty; list the allowed origins, or '*'.`);
    const maxAge = rule.cors.maxAge?.toSeconds({ integral: false });
    if (maxAge !== undefined && !(Number.isInteger(maxAge) && maxAge >= 1)) {
      problems.push(`${where}: cors.maxAge of ${maxAge}s must be a whole number of seconds of at least 1.`);
    }
  }

  problems.push(...headerEditProblems(`${where}: requestHeaders`, rule.requestHeaders));
  problems.push(...headerEditProblems(`${where}: responseHeaders`, rule.responseHeaders));
  return problems;
}

function headerEditProblems(where: string, edits: HeaderEdits | undefined): string[] {
  if (!edits) return [];
  const names = [...Object.keys(edits.set ?? {}), ...Object.keys(edits.add ?? {}), ...(edits.remove ?? [])];
  return names.filter((n) => !HEADER_NAME.test(n)).map((n) => `${where}: header name ${q(n)} is not a valid token.`);
}
