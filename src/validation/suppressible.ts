import { IConstruct } from 'constructs';
import { GatewayValidation, SuppressibleRule } from './suppressions';

/** `message` unless `rule` is suppressed for `scope`, with the way to suppress it. */
export function suppressible(scope: IConstruct, rule: SuppressibleRule, message: string): string[] {
  if (GatewayValidation.isSuppressed(scope, rule)) return [];
  const id = Object.entries(SuppressibleRule).find(([, v]) => v === rule)![0];
  return [`${message.replace(/\.$/, '')} (to accept it: GatewayValidation.suppress(scope, SuppressibleRule.${id}, reason)).`];
}
