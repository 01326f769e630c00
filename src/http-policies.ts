import { Duration } from 'cdk8s';
import { Backend } from './backend';

/**
 * A copy of matching requests sent to another backend, whose responses are discarded.
 */
export interface MirrorPolicy {
  /** Where the copies go. */
  readonly backend: Backend;

  /**
   * Share of requests copied, from 0 to 100.
   * @default 100
   */
  readonly percentage?: number;
}

/**
 * Rewrites applied to a request before it is forwarded.
 */
export interface HttpRewrite {
  /**
   * Replaces the part of the path the rule's prefix matched (`/api` → `/`), as Istio's `uri`
   * rewrite and the Gateway API's ReplacePrefixMatch do. Needs every match of the rule to be a
   * path prefix.
   * @default - the path is kept
   */
  readonly pathPrefix?: string;

  /**
   * Replaces the Host (authority) header.
   * @default - the host is kept
   */
  readonly host?: string;
}

/**
 * Cross-origin resource sharing answered at the gateway.
 */
export interface CorsPolicy {
  /** Origins allowed to make requests (`https://app.example.com`, or `*`). */
  readonly allowOrigins: string[];

  /**
   * Methods allowed.
   * @default - the methods of simple requests
   */
  readonly allowMethods?: string[];

  /**
   * Request headers allowed.
   * @default - none beyond the simple ones
   */
  readonly allowHeaders?: string[];

  /**
   * Response headers the browser may expose.
   * @default - none
   */
  readonly exposeHeaders?: string[];

  /**
   * How long a preflight answer may be cached (whole seconds).
   * @default - not cached
   */
  readonly maxAge?: Duration;

  /**
   * Whether credentials (cookies, authorization) may be sent. Refused together with an origin that
   * admits any origin (`*`, `https://*`): any web site could then act as the user.
   * @default false
   */
  readonly allowCredentials?: boolean;
}

/**
 * Header edits on a request or response.
 */
export interface HeaderEdits {
  /**
   * Headers set, replacing any value present.
   * @default - none
   */
  readonly set?: { [name: string]: string };

  /**
   * Headers added, keeping values present.
   * @default - none
   */
  readonly add?: { [name: string]: string };

  /**
   * Headers removed.
   * @default - none
   */
  readonly remove?: string[];
}
