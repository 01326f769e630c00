import { isIP, isIPv4, isIPv6 } from 'net';
import { dns1123LabelErrors, dns1123SubdomainErrors } from './k8s-names';

/**
 * The string formats the Kubernetes API server validates for custom resources, each as a
 * predicate. Formats that are not listed (including the number formats `int32`, `int64`, `float`
 * and `double`, which Kubernetes does not check) are ignored, exactly like the API server does.
 */
export const KUBERNETES_STRING_FORMATS: Readonly<Record<string, (value: string) => boolean>> = {
  'bsonobjectid': (v) => /^[0-9a-fA-F]{24}$/.test(v),
  'uri': isUri,
  'email': (v) => /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/.test(v),
  'hostname': isHostname,
  'ipv4': (v) => isIPv4(v),
  'ipv6': (v) => isIPv6(v) && !v.includes('%'),
  'cidr': isCidr,
  'mac': (v) => /^([0-9A-Fa-f]{2}([:-]))([0-9A-Fa-f]{2}\2){4}[0-9A-Fa-f]{2}(\2[0-9A-Fa-f]{2}\2[0-9A-Fa-f]{2}|(\2[0-9A-Fa-f]{2}){14})?$/.test(v)
    || /^([0-9A-Fa-f]{4}\.){2}[0-9A-Fa-f]{4}((\.[0-9A-Fa-f]{4})|(\.[0-9A-Fa-f]{4}){7})?$/.test(v),
  'uuid': (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  'uuid3': (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  'uuid4': (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(v),
  'uuid5': (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(v),
  'hexcolor': (v) => /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(v),
  'rgbcolor': (v) => /^rgb\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*\)$/.test(v),
  'byte': (v) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(v),
  'password': () => true,
  'date': isDate,
  'date-time': isDateTime,
  'datetime': isDateTime,
  'duration': isFormatDuration,
  'k8s-short-name': (v) => dns1123LabelErrors(v).length === 0,
  'k8s-long-name': (v) => dns1123SubdomainErrors(v).length === 0,
};

function isUri(value: string): boolean {
  if (value.startsWith('/')) return !/\s/.test(value);
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value) && URL.canParse(value);
}

function isHostname(value: string): boolean {
  if (value.length === 0 || value.length > 255) return false;
  return value.split('.').every((label) => /^[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?$/.test(label));
}

function isCidr(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash < 0) return false;
  const bits = value.slice(slash + 1);
  const version = isIP(value.slice(0, slash));
  if (version === 0 || !/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (version === 4 ? 32 : 128);
}

function isDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
}

function isDateTime(value: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.exec(value);
  return !!m && isDate(m[1]) && Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4]) < 61;
}

/** The `duration` string format: Go durations plus the day/week units go-openapi accepts. */
function isFormatDuration(value: string): boolean {
  return /^[-+]?((\d+(\.\d*)?|\.\d+)\s*(ns|us|µs|μs|ms|s|m|h|d|w)\s*)+$/.test(value.trim()) || value === '0';
}
