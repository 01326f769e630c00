/**
 * Kubernetes exposes object properties to CEL under escaped names: CEL keywords become
 * `__keyword__`, and `__`, `.`, `-`, `/` become `__underscores__`, `__dot__`, `__dash__`, `__slash__`.
 * Properties with other characters are not accessible from CEL.
 */

const RESERVED = new Set([
  'true', 'false', 'null', 'in', 'as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if',
  'import', 'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while',
]);

const ACCESSIBLE = /^[a-zA-Z_.\-/][a-zA-Z0-9_.\-/]*$/;

const escaped = new Map<string, string | undefined>();

/** The name under which CEL sees property `name`, or undefined when it is not accessible. */
export function escapeCelProperty(name: string): string | undefined {
  if (!escaped.has(name)) escaped.set(name, escape(name));
  return escaped.get(name);
}

function escape(name: string): string | undefined {
  if (RESERVED.has(name)) return `__${name}__`;
  if (!ACCESSIBLE.test(name)) return undefined;
  return name
    .replace(/__/g, '__underscores__')
    .replace(/\./g, '__dot__')
    .replace(/-/g, '__dash__')
    .replace(/\//g, '__slash__');
}
