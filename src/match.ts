import { carry, checkArg, InputProblems, required, str } from './validation/input-shape';

const PATH = required(str('/api'), '/', 'give a path like "/api"');
const STRING = required(str('value'), '', 'give a string');

function pathMatch(kind: PathMatchKind, value: string): PathMatch {
  const out: InputProblems = [];
  return carry(new (PathMatch as any)(kind, checkArg(PATH, value, 'value', out)), out);
}

function stringMatch(kind: StringMatchKind, value: string): StringMatch {
  const out: InputProblems = [];
  return carry(new (StringMatch as any)(kind, checkArg(STRING, value, 'value', out)), out);
}

/**
 * How a request path is compared.
 */
export enum PathMatchKind {
  /** The path starts with the value, on segment boundaries in the Gateway API. */
  PREFIX = 'prefix',
  /** The path equals the value. */
  EXACT = 'exact',
  /** The path matches the value as an RE2 regular expression (full match). */
  REGEX = 'regex',
}

/**
 * A condition on the request path.
 *
 * @example PathMatch.prefix('/status')
 */
export class PathMatch {
  /**
   * Matches every path that starts with `value` (`/status` matches `/status` and `/status/200`).
   * `/` matches every path.
   */
  public static prefix(value: string): PathMatch {
    return pathMatch(PathMatchKind.PREFIX, value);
  }

  /** Matches exactly the path `value`. */
  public static exact(value: string): PathMatch {
    return pathMatch(PathMatchKind.EXACT, value);
  }

  /** Matches paths that fully match the RE2 regular expression `pattern`. */
  public static regex(pattern: string): PathMatch {
    return pathMatch(PathMatchKind.REGEX, pattern);
  }

  private constructor(
    /** How the path is compared. */
    public readonly kind: PathMatchKind,
    /** The path, prefix or pattern. */
    public readonly value: string,
  ) {}
}

/**
 * How a header or query parameter value is compared.
 */
export enum StringMatchKind {
  /** The value equals the given string. */
  EXACT = 'exact',
  /** The value starts with the given string (Istio API only). */
  PREFIX = 'prefix',
  /** The value matches the RE2 regular expression. */
  REGEX = 'regex',
}

/**
 * A condition on a header or query parameter value.
 */
export class StringMatch {
  /** The value equals `value`. */
  public static exact(value: string): StringMatch {
    return stringMatch(StringMatchKind.EXACT, value);
  }

  /** The value starts with `value` (the Gateway API cannot express this). */
  public static prefix(value: string): StringMatch {
    return stringMatch(StringMatchKind.PREFIX, value);
  }

  /** The value matches the RE2 regular expression `pattern`. */
  public static regex(pattern: string): StringMatch {
    return stringMatch(StringMatchKind.REGEX, pattern);
  }

  private constructor(
    /** How the value is compared. */
    public readonly kind: StringMatchKind,
    /** The string or pattern. */
    public readonly value: string,
  ) {}
}

/**
 * A condition on one named header or query parameter.
 */
export interface NamedStringMatch {
  /** Header name (case-insensitive) or query parameter name. */
  readonly name: string;

  /** The condition on its value. */
  readonly value: StringMatch;
}

/**
 * One way a request can match a rule. Every field that is set must hold (AND); a rule's list of
 * matches are alternatives (OR).
 */
export interface HttpRouteMatch {
  /**
   * Condition on the path.
   * @default - any path
   */
  readonly path?: PathMatch;

  /**
   * Conditions on request headers; all must hold.
   * @default - no header condition
   */
  readonly headers?: NamedStringMatch[];

  /**
   * Conditions on query parameters; all must hold.
   * @default - no query parameter condition
   */
  readonly queryParams?: NamedStringMatch[];

  /**
   * The HTTP method, in upper case (`GET`, `POST`...).
   * @default - any method
   */
  readonly method?: string;
}
