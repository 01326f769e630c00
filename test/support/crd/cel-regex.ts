/**
 * RE2 patterns (the syntax of CEL `matches()`) evaluated with JavaScript regular expressions.
 * Leading flag groups such as `(?i)` become RegExp flags; RE2 syntax that JavaScript would read
 * differently is rejected with an error instead of being matched wrongly.
 */

const cache = new Map<string, RegExp | Error>();

/** Returns the compiled pattern (cached), or throws when the pattern is invalid or unsupported. */
export function compileRe2(pattern: string): RegExp {
  let compiled = cache.get(pattern);
  if (compiled === undefined) {
    try {
      compiled = translate(pattern);
    } catch (e) {
      compiled = e instanceof Error ? e : new Error(String(e));
    }
    cache.set(pattern, compiled);
  }
  if (compiled instanceof Error) throw compiled;
  return compiled;
}

const UNSUPPORTED: ReadonlyArray<[RegExp, string]> = [
  [/\(\?[imsU-]+[:)]/, 'inline flag groups other than a leading (?flags)'],
  [/\[\[:[a-z]+:\]/, 'POSIX character classes'],
  [/\\[QECzA]/, 'the escapes \\Q, \\E, \\C, \\z and \\A'],
  [/\\p[A-Z]/, 'one-letter Unicode classes without braces'],
  [/\(\?P</, 'named groups (?P<name>)'],
];

function translate(pattern: string): RegExp {
  const leading = /^(\^?)\(\?([ims]+)\)/.exec(pattern);
  let body = pattern;
  let flags = '';
  if (leading) {
    flags = [...new Set(leading[2])].join('');
    body = leading[1] + pattern.slice(leading[0].length);
  }
  for (const [syntax, what] of UNSUPPORTED) {
    if (syntax.test(body)) throw new Error(`regular expression ${JSON.stringify(pattern)} uses ${what}, which this validator does not support`);
  }
  try {
    return new RegExp(body, `${flags}u`);
  } catch {
    return new RegExp(body, flags);
  }
}
