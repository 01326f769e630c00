import { isIP as netIsIp } from 'net';
import { CelEnv, CelFunc, CelScalar, celEnv, celFunc } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { compileRe2 } from './cel-regex';

/**
 * The functions Kubernetes adds to CEL that the standard library and the `strings` extension of
 * @bufbuild/cel lack. Only the boolean validators are provided; the `ip()`, `cidr()`, `url()` and
 * `quantity()` object types are not.
 */
export const KUBERNETES_CEL_FUNCTIONS: readonly CelFunc[] = [
  celFunc('isIP', [CelScalar.STRING], CelScalar.BOOL, (s) => parseIpError(s) === undefined),
  celFunc('isCIDR', [CelScalar.STRING], CelScalar.BOOL, isCidr),
  celFunc('isURL', [CelScalar.STRING], CelScalar.BOOL, isUrl),
];

/** Variables bound while evaluating `x-kubernetes-validations` rules (`oldSelf` only in transition rules). */
const CEL_VARIABLES = { self: CelScalar.DYN, oldSelf: CelScalar.DYN } as const;

/** The CEL environment rules are compiled in: standard library, strings extension, Kubernetes functions. */
export function createKubernetesCelEnv(): CelEnv {
  return celEnv({
    variables: CEL_VARIABLES,
    funcs: [...strings, ...KUBERNETES_CEL_FUNCTIONS],
    re2: { compile: (pattern) => compileRe2(pattern) },
  });
}

/**
 * Kubernetes' `isIP` accepts IPv4 (without leading zeros) and IPv6 addresses, but rejects
 * zones and IPv4-mapped IPv6 addresses.
 */
function parseIpError(s: string): string | undefined {
  if (s.includes('%')) return 'IP address with zone value is not allowed';
  const version = netIsIp(s);
  if (version === 0) return 'invalid IP address';
  if (version === 6 && /^(0{0,4}:){0,5}(0{0,4}:)?:?ffff:(\d+\.\d+\.\d+\.\d+|[0-9a-f]{1,4}:[0-9a-f]{1,4})$/i.test(s)) {
    return 'IPv4-mapped IPv6 address is not allowed';
  }
  return undefined;
}

function isCidr(s: string): boolean {
  const slash = s.indexOf('/');
  if (slash < 0 || parseIpError(s.slice(0, slash)) !== undefined) return false;
  const bits = s.slice(slash + 1);
  return /^(0|[1-9]\d{0,2})$/.test(bits) && Number(bits) <= (netIsIp(s.slice(0, slash)) === 4 ? 32 : 128);
}

function isUrl(s: string): boolean {
  return s.startsWith('/') || (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(s) && URL.canParse(s));
}
