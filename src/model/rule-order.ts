import { HttpRouteMatch, PathMatchKind } from '../match';

/**
 * Orders the rules of one route the way Istio orders the rules of an HTTPRoute (its conversion of the
 * Gateway API's precedence, `sortHTTPRoutes`), so that the Istio API rendering, where the first
 * matching rule wins, routes exactly like the Gateway API rendering:
 *
 * 1. an exact path before a prefix before a regular expression (Istio's ranks; the Gateway API leaves
 *    regular expressions to the implementation), and a longer path before a shorter one (a prefix
 *    counted without its trailing '/'); a match without path is the prefix `/`;
 * 2. then a rule with a method condition;
 * 3. then more header conditions, then more query parameter conditions;
 * 4. rules without any condition last.
 *
 * A rule ranks by its most specific match. Rules that rank equal keep the order they were added in.
 */
export function orderRules<T extends { readonly matches: HttpRouteMatch[] }>(rules: T[]): T[] {
  if (rules.length < 2) return [...rules];
  return rules
    .map((rule, index) => ({ rule, index, key: ruleKey(rule.matches) }))
    .sort((a, b) => compareKeys(b.key, a.key) || a.index - b.index)
    .map((entry) => entry.rule);
}

type Key = number[];

const PATH_RANK: Record<PathMatchKind, number> = {
  [PathMatchKind.EXACT]: 3,
  [PathMatchKind.PREFIX]: 2,
  [PathMatchKind.REGEX]: 1,
};

function matchKey(match: HttpRouteMatch): Key {
  // The Gateway API defaults a match's path to the prefix `/`; Istio drops a prefix's trailing '/'.
  const kind = match.path?.kind ?? PathMatchKind.PREFIX;
  const value = match.path?.value ?? '/';
  const length = kind === PathMatchKind.PREFIX && value !== '/' && value.endsWith('/') ? value.length - 1 : value.length;
  return [1, PATH_RANK[kind], length, match.method ? 1 : 0, match.headers?.length ?? 0, match.queryParams?.length ?? 0];
}

function ruleKey(matches: HttpRouteMatch[]): Key {
  if (matches.length === 0) return [0];
  return matches.map(matchKey).reduce((best, key) => (compareKeys(key, best) > 0 ? key : best));
}

function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
