import { IConstruct } from 'constructs';
import { q } from './names';

/*
 * Checks of the shape of what callers give: a number where a number belongs, a list where a list
 * belongs, a value of the right class where a value type belongs.
 *
 * TypeScript callers get these checks from the compiler. From Python, Java and Go, jsii's runtime
 * type checks (Python) and the languages' static types (Java, Go) reject most wrong types before the
 * call reaches this library, with their own clear error. Plain JavaScript checks nothing, and values
 * read from YAML files or environment variables into untyped variables (`any`, `dict`, `Object`)
 * reach it as they are: a port as the string "8080", hosts as one string, a timeout as "30s". So
 * every public entry point checks its input here, once, and records what is wrong as a validation
 * problem (reported at synth, with the construct's path) instead of failing later with a TypeError
 * or writing a wrong default. Each check returns a value safe to use (a copy, the obvious
 * conversion, or a placeholder), so nothing downstream crashes before validation reports.
 */

/** One problem of a caller's input: where (a field path such as `listeners[1].port`) and what. */
export interface InputProblem {
  readonly path: string;
  readonly text: string;
}

/** The problems found so far; checks append to it. */
export type InputProblems = InputProblem[];

/**
 * Checks `value` found at `path`: records any problem in `out`, and returns a value safe to use
 * (undefined when nothing usable was given).
 */
export type Check<T> = (value: unknown, path: string, out: InputProblems) => T | undefined;

/** The path of a field or list element below `path`. */
export function at(path: string, field: string | number): string {
  if (typeof field === 'number') return `${path}[${field}]`;
  if (!/^[A-Za-z_$][\w$]*$/.test(field)) return `${path}[${q(field)}]`;
  return path ? `${path}.${field}` : field;
}

function joinPath(prefix: string, rest: string): string {
  if (!rest) return prefix;
  if (!prefix) return rest;
  return rest.startsWith('[') ? prefix + rest : `${prefix}.${rest}`;
}

/** The message of a problem, as validation reports it. */
export function formatProblem(problem: InputProblem): string {
  return `${problem.path || 'props'} ${problem.text}`;
}

function report(out: InputProblems, path: string, text: string): undefined {
  out.push({ path, text });
  return undefined;
}

/** A value as a message shows it: its kind, and the value quoted. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return `the string ${q(value)}`;
    case 'number':
      if (Number.isNaN(value)) return 'NaN';
      return Number.isFinite(value) ? `the number ${value}` : `${value}`;
    case 'boolean':
      return `the boolean ${value}`;
    case 'bigint':
      return `the bigint ${value}n`;
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
  }
  if (Array.isArray(value)) return `the list ${preview(value)}`;
  if (isDuration(value)) return 'a Duration';
  const name = (value as object).constructor?.name;
  if (name && name !== 'Object') return `a ${name}`;
  return `the object ${preview(value)}`;
}

function preview(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  if (text === undefined) return '(not printable)';
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Whether `value` is a cdk8s Duration. By its shape rather than `instanceof`: an app may load a
 * second copy of cdk8s (another version in a nested node_modules), whose Durations are not
 * instances of this copy's class but work the same.
 */
export function isDuration(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as { toMilliseconds?: unknown; toSeconds?: unknown; toHumanString?: unknown; unitLabel?: unknown };
  return typeof d.toMilliseconds === 'function' && typeof d.toSeconds === 'function' && typeof d.toHumanString === 'function' && typeof d.unitLabel === 'function';
}

// ---------------------------------------------------------------------------------------------
// Required and optional fields

/**
 * A required field: missing, null or unusable, it is a problem, and `placeholder` stands in for it
 * until validation reports.
 */
export function required<T>(check: Check<T>, placeholder: T, fix: string): (value: unknown, path: string, out: InputProblems) => T {
  return (value, path, out) => {
    if (value === undefined || value === null) {
      report(out, path, `is ${describeValue(value)}; ${fix}.`);
      return placeholder;
    }
    return check(value, path, out) ?? placeholder;
  };
}

/**
 * An optional field: left out (undefined) means the default; null is a problem (JavaScript's null
 * is not "left out"); anything else is checked.
 */
export function optional<T>(check: Check<T>): Check<T> {
  return (value, path, out) => {
    if (value === undefined) return undefined;
    if (value === null) return report(out, path, 'is null; leave it out for the default.');
    return check(value, path, out);
  };
}

// ---------------------------------------------------------------------------------------------
// Strings, numbers, booleans, enums, durations

/** A string. A number or boolean is converted (with a problem): what a YAML file gives for `version: 1`. */
export function str(example: string): Check<string> {
  return (value, path, out) => {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') {
      report(out, path, `is ${describeValue(value)}; use the string ${q(String(value))}.`);
      return String(value);
    }
    return report(out, path, `is ${describeValue(value)}; use a string like ${q(example)}.`);
  };
}

/** What a string that holds a number reads as, else undefined. */
function numberIn(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) return undefined;
  return Number(trimmed);
}

/** A finite number (ranges are checked by the rules of each field). */
export function num(example: number): Check<number> {
  return (value, path, out) => {
    if (typeof value === 'number') {
      if (Number.isFinite(value)) return value;
      return report(out, path, `is ${describeValue(value)}; use a finite number like ${example}.`);
    }
    if (typeof value === 'string') {
      const n = numberIn(value);
      if (n !== undefined) {
        report(out, path, `is ${describeValue(value)}; use a number like ${value.trim()}, not the string ${q(value)}.`);
        return n;
      }
    }
    return report(out, path, `is ${describeValue(value)}; use a number like ${example}.`);
  };
}

/** `true` or `false`. The strings "true" and "false" are converted (with a problem). */
export const bool: Check<boolean> = (value, path, out) => {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') {
    report(out, path, `is ${describeValue(value)}; use ${value} or ${value === 'true' ? 'false' : 'true'}, not a string.`);
    return value === 'true';
  }
  return report(out, path, `is ${describeValue(value)}; use true or false.`);
};

/**
 * A value of a string enum. A member's name (`GATEWAY_API`) or its value in another case (`ISTIO`)
 * is converted (with a problem that names the member to use).
 */
export function enumOf<E extends string>(members: Record<string, E>, enumName: string): Check<E> {
  const values = Object.values(members) as string[];
  const choices = Object.entries(members)
    .map(([key, v]) => `${enumName}.${key} (${q(v)})`)
    .join(', ');
  return (value, path, out) => {
    if (typeof value === 'string' && values.includes(value)) return value as E;
    if (typeof value === 'string') {
      const lower = value.toLowerCase();
      const key = Object.keys(members).find((k) => k.toLowerCase() === lower || members[k].toLowerCase() === lower);
      if (key !== undefined) {
        const member = members[key];
        report(out, path, `is ${describeValue(value)}, which is not a value of ${enumName}; use ${enumName}.${key} (the string ${q(member)}).`);
        return member;
      }
    }
    return report(out, path, `is ${describeValue(value)}, which is not a value of ${enumName}; use one of ${choices}.`);
  };
}

const DURATION_UNITS: Record<string, string> = { ms: 'millis', s: 'seconds', m: 'minutes', h: 'hours', d: 'days' };

/**
 * A cdk8s Duration. `zeroFix` is the fix for a zero, which a YAML file may hold to mean "none"
 * (`leave it out for no timeout`): never a tiny duration instead.
 */
export function duration(zeroFix: string): Check<any> {
  return (value, path, out) => {
    if (isDuration(value)) return value;
    if (typeof value === 'string') {
      const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/.exec(value);
      const n = m ? Number(m[1]) : numberIn(value);
      if (n === 0) return report(out, path, `is ${describeValue(value)}; ${zeroFix}.`);
      if (m) return report(out, path, `is ${describeValue(value)}; use Duration.${DURATION_UNITS[m[2]]}(${m[1]}).`);
      if (n !== undefined) return report(out, path, `is ${describeValue(value)}, which has no unit; use e.g. Duration.seconds(${n}) or Duration.millis(${n}).`);
    }
    if (typeof value === 'number' && Number.isFinite(value)) {
      if (value === 0) return report(out, path, `is the number 0; ${zeroFix}.`);
      return report(out, path, `is the number ${value}, which has no unit; use e.g. Duration.seconds(${value}) or Duration.millis(${value}).`);
    }
    return report(out, path, `is ${describeValue(value)}; use a Duration such as Duration.seconds(30).`);
  };
}

// ---------------------------------------------------------------------------------------------
// Lists, maps, structs, value objects

/**
 * A list, copied (so changing the caller's array later changes nothing here). A single element
 * given instead of a list is taken as a list of it (with a problem); holes, undefined and null
 * elements are problems and left out.
 */
export function list<T>(element: Check<T>, example: string): Check<T[]> {
  return (value, path, out) => {
    if (Array.isArray(value)) {
      const copy: T[] = [];
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (item === undefined || item === null) {
          report(out, at(path, i), i in value ? `is ${describeValue(item)}; remove it from the list.` : 'is a hole in the list (an extra comma, as in [, "x"]); remove it.');
          continue;
        }
        const checked = element(item, at(path, i), out);
        if (checked !== undefined) copy.push(checked);
      }
      return copy;
    }
    if (typeof value === 'string') {
      const checked = element(value, path, []);
      report(out, path, `is ${describeValue(value)}; use a list like ${checked === undefined ? example : `[${q(checked)}]`}.`);
      return checked === undefined ? [] : [checked];
    }
    return report(out, path, `is ${describeValue(value)}; use a list like ${example}.`);
  };
}

/** A map of strings to strings (labels, annotations, headers), copied. */
export function stringMap(example: string): Check<{ [key: string]: string }> {
  const value = str('value');
  return (given, path, out) => {
    if (!isPlainObject(given)) return report(out, path, `is ${describeValue(given)}; use an object of strings like ${example}.`);
    const copy: { [key: string]: string } = {};
    for (const key of Object.keys(given)) {
      const checked = value(given[key], at(path, key), out);
      if (checked !== undefined) copy[key] = checked;
    }
    return copy;
  };
}

/** Checks for each field of a struct. */
export type Shape<T> = { readonly [K in keyof T]-?: Check<T[K]> | ((value: unknown, path: string, out: InputProblems) => T[K]) };

/**
 * A struct (a data interface): a plain object, copied field by field as `shape` checks each one
 * (fields it does not name are dropped; fields left out stay out). A `strict` struct reports a
 * field it does not name (a misspelt option from JavaScript or YAML), which would be ignored, with
 * the option it is closest to.
 */
export function struct<T>(shape: Shape<T>, example: string, strict = false): Check<T> {
  // Field names of structs are identifiers: their paths need no quoting.
  const fields = Object.keys(shape) as (keyof T & string)[];
  return (value, path, out) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || isDuration(value)) {
      return report(out, path, `is ${describeValue(value)}; use an object like ${example}.`);
    }
    const given = value as Record<string, unknown>;
    const copy: Record<string, unknown> = {};
    const prefix = path ? `${path}.` : '';
    for (const field of fields) {
      const checked = shape[field](given[field], prefix + field, out);
      if (checked !== undefined) copy[field] = checked;
    }
    for (const key of strict ? Object.keys(given) : []) {
      if ((fields as string[]).includes(key) || given[key] === undefined) continue;
      const near = closest(key, fields);
      report(out, prefix + key, `is not an option here, so it would be ignored; ${near ? `did you mean ${near}?` : `the options are ${fields.join(', ')}.`}`);
    }
    return copy as T;
  };
}

/** The name among `names` within two edits of `key` (case aside), if one is. */
function closest(key: string, names: string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = editDistance(key.toLowerCase(), name.toLowerCase());
    if (distance <= 2 && (best === undefined || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/** Checks a struct given to a construct or method as a whole (`props`, `options`). */
export function checkStruct<T>(shape: Shape<T>, value: unknown, out: InputProblems, example = '{ ... }', path = '', strict = false): T {
  return struct(shape, example, strict)(value, path, out) ?? ({} as T);
}

/**
 * Checks the options argument of a factory that takes other arguments first
 * (`Backend.service(name, options)`): its fields are named as the value's (`backends[0].port`), the
 * argument itself, when it is not an object, as `options`.
 */
export function checkOptions<T>(shape: Shape<T>, value: unknown, out: InputProblems, example: string): T {
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  return checkStruct(shape, value, out, example, isObject ? '' : 'options');
}

/** Checks one argument of a factory or method. */
export function checkArg<T>(check: (value: unknown, path: string, out: InputProblems) => T, value: unknown, name: string, out: InputProblems): T {
  return check(value, name, out);
}

// Problems carried by value objects made outside any construct (GatewayListener.http({ port: '80' })),
// reported by the construct that receives them, below the path it receives them at.
const CARRIED = new WeakMap<object, InputProblems>();

/** Records `problems` of the factory call that made `value`; returns `value`. */
export function carry<T extends object>(value: T, problems: InputProblems): T {
  if (problems.length > 0) CARRIED.set(value, problems);
  return value;
}

/**
 * An instance of a value class (made by its static factories, `how`): a plain object literal of the
 * same fields is not one. Problems the instance carries are reported below `path`.
 */
export function instanceOf<T>(cls: { readonly prototype: T; readonly name: string }, how: string): Check<T> {
  const name = cls.name;
  return (value, path, out) => {
    // instanceof, or a class of the same name: an instance made by a second copy of this library.
    if (value instanceof (cls as unknown as Function) || (typeof value === 'object' && value !== null && (value as object).constructor?.name === name && !isPlainObject(value))) {
      const carried = CARRIED.get(value as object);
      if (carried) for (const p of carried) out.push({ path: joinPath(path, p.path), text: p.text });
      return value as T;
    }
    const kind = isPlainObject(value) ? 'a plain object' : describeValue(value);
    return report(out, path, `is ${kind}, not a ${name}; make it with ${how}.`);
  };
}

/**
 * An object of fields, kept as given: for props another construct checks field by field (a gateway's
 * `workload`, which the GatewayWorkload it makes checks and reports under its own path).
 */
export function objectAsGiven(example: string): Check<any> {
  return (value, path, out) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && !isDuration(value)) return value;
    return report(out, path, `is ${describeValue(value)}; use an object like ${example}.`);
  };
}

/** Anything (a field this library passes on without reading, such as a Kubernetes Probe). */
export const anything: Check<any> = (value) => value;

// ---------------------------------------------------------------------------------------------
// Reporting

/**
 * Reports `problems` (which may still grow, as rules or listeners are added) as validation problems
 * of `scope`.
 */
export function reportInputProblems(scope: IConstruct, problems: InputProblems): void {
  scope.node.addValidation({ validate: () => problems.map(formatProblem) });
}

/** A port number (its range is checked by the rules of each field). */
export const portNumber = num(8080);

/**
 * The validation of a construct: its input problems while it has any (the rules would only repeat
 * them, read through placeholders), else what its rules find.
 */
export function inputFirst(problems: InputProblems, rules: () => string[]): () => string[] {
  return () => (problems.length > 0 ? problems.map(formatProblem) : rules());
}
