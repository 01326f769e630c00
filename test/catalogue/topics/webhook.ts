import { Chart, Duration } from 'cdk8s';
import {
  ApiFlavor,
  BackendPolicy,
  EgressMode,
  EgressRoute,
  FaultInjection,
  GatewayListener,
  HttpRouteAction,
  HttpsListenerOptions,
  IngressGateway,
  OriginationTls,
  PathMatch,
  ServerTls,
  StringMatch,
  HttpbinExposure,
  GatewayWorkload,
} from '../../../src';
import { forward, gateway, rule, svc } from '../builders';
import { CatalogueTopic } from '../topic';

// Class 3: what Istio's validating webhook (and, for the Gateway API, the CRD schema) refuses.
// Each rule here mirrors one webhook check; src/validation/ISTIO-PARITY.md lists them all.


const both = (name: string, build: (c: Chart, api: ApiFlavor) => void) => [
  { name: `${name} (Istio API)`, build: (c: Chart) => build(c, ApiFlavor.ISTIO) },
  { name: `${name} (Gateway API)`, build: (c: Chart) => build(c, ApiFlavor.GATEWAY_API) },
];

export const TOPIC: CatalogueTopic = {
  bad: [
    // Regular expressions: RE2, not JavaScript; not empty; at most 1024 characters.
    ...both('webhook: lookahead in a path regex', (c, api) => rule(c, { matches: [{ path: PathMatch.regex('/api/(?=v1)') }] }, api)),
    ...both('webhook: backreference in a header regex', (c, api) =>
      rule(c, { matches: [{ headers: [{ name: 'x-id', value: StringMatch.regex('(a)\\1') }] }] }, api)),
    { name: 'webhook: empty query parameter regex', build: (c) => rule(c, { matches: [{ queryParams: [{ name: 'q', value: StringMatch.regex('') }] }] }) },
    { name: 'webhook: path regex over 1024 characters', build: (c) => rule(c, { matches: [{ path: PathMatch.regex(`/${'a'.repeat(1024)}`) }] }) },
    { name: 'webhook: empty header prefix', build: (c) => rule(c, { matches: [{ headers: [{ name: 'x-id', value: StringMatch.prefix('') }] }] }) },

    // The Gateway API's HTTPRoute schema (CRD patterns, lengths and CEL rules)
    { name: 'webhook: Gateway API path with "//" and "/./"', build: (c) => rule(c, { matches: [{ path: PathMatch.prefix('/api//v1') }, { path: PathMatch.exact('/a/./b') }] }, ApiFlavor.GATEWAY_API) },
    { name: 'webhook: Gateway API path with a space', build: (c) => rule(c, { matches: [{ path: PathMatch.exact('/my file') }] }, ApiFlavor.GATEWAY_API) },
    { name: 'webhook: Gateway API header match on an empty value', build: (c) => rule(c, { matches: [{ headers: [{ name: 'x-id', value: StringMatch.exact('') }] }] }, ApiFlavor.GATEWAY_API) },
    {
      name: 'webhook: Gateway API CORS origins without a scheme, and "*" beside others',
      build: (c) => rule(c, { cors: { allowOrigins: ['app.example.com', '*'], allowMethods: ['*', 'GET'] } }, ApiFlavor.GATEWAY_API),
    },
    { name: 'webhook: Gateway API rule name that is not a name', build: (c) => rule(c, { name: 'Checkout API' }, ApiFlavor.GATEWAY_API) },
    { name: 'webhook: Gateway API header edit with an empty value', build: (c) => rule(c, { requestHeaders: { set: { 'x-team': '' } } }, ApiFlavor.GATEWAY_API) },

    // Retries
    { name: 'webhook: retryOn condition Envoy does not know', build: (c) => rule(c, { retries: { attempts: 2, retryOn: ['5xx', 'server-error', '599'] } }) },
    { name: 'webhook: retries off with perTryTimeout and retryOn', build: (c) => rule(c, { retries: { attempts: 0, perTryTimeout: Duration.seconds(1), retryOn: ['5xx'] } }) },

    // CORS
    ...both('webhook: CORS method in lower case', (c, api) => rule(c, { cors: { allowOrigins: ['https://app.example.com'], allowMethods: ['get', 'POST'] } }, api)),
    { name: 'webhook: CORS header that is not a token', build: (c) => rule(c, { cors: { allowOrigins: ['*'], allowHeaders: ['x user'], exposeHeaders: ['x-ok', 'x:bad'] } }) },
    { name: 'webhook: CORS empty origin', build: (c) => rule(c, { cors: { allowOrigins: [''] } }) },

    // Rewrites, redirects, faults, direct responses
    { name: 'webhook: rewrite that changes nothing', build: (c) => rule(c, { rewrite: {} }) },
    { name: 'webhook: redirect that changes nothing', build: (c) => rule(c, { action: HttpRouteAction.redirect({}) }) },
    { name: 'webhook: fault beside a direct response', build: (c) => rule(c, { action: HttpRouteAction.directResponse(200), fault: FaultInjection.abort(503) }) },
    { name: 'webhook: fault percentage below 0.0001', build: (c) => rule(c, { fault: FaultInjection.abort(503, 0.00005) }) },
    { name: 'webhook: direct response body over 1 MiB', build: (c) => rule(c, { action: HttpRouteAction.directResponse(200, 'x'.repeat(1024 * 1024 + 1)) }) },

    // Header edits
    ...both('webhook: header value with an un-escaped %', (c, api) =>
      rule(c, { requestHeaders: { set: { 'x-discount': '100%' } }, responseHeaders: { add: { 'x-trace': '%START_TIME' } } }, api)),
    { name: 'webhook: header value with a newline', build: (c) => rule(c, { responseHeaders: { set: { 'x-note': 'a\nb' } } }) },
    { name: 'webhook: Host header edits Istio refuses', build: (c) => rule(c, { requestHeaders: { remove: ['Host'] }, responseHeaders: { set: { host: 'a' } } }) },
    { name: 'webhook: authority set twice', build: (c) => rule(c, { rewrite: { host: 'a.example.com' }, requestHeaders: { set: { host: 'b.example.com' } } }) },

    // Hosts
    {
      name: 'webhook: overlapping route hosts',
      build: (c) => gateway(c, [GatewayListener.http({ hosts: ['*.example.com'] })]).addHttpRoute('route', {
        name: 'route', hosts: ['*.example.com', 'shop.example.com'], rules: [{ action: forward }],
      }),
    },
    { name: 'webhook: route host with a numeric top-level label', build: (c) => gateway(c).addHttpRoute('route', { name: 'route', hosts: ['shop.example.42'], rules: [{ action: forward }] }) },
    { name: 'webhook: egress host that is an IP address', build: (c) => new EgressRoute(c, 'egress', { name: 'ip', host: '93.184.216.34' }) },
    { name: 'webhook: HTTPS listener without TLS settings', build: (c) => gateway(c, [GatewayListener.https({ hosts: ['*'] } as HttpsListenerOptions)]) },
    { name: 'webhook: short server host', build: (c) => gateway(c, [GatewayListener.http({ hosts: ['shop'] })]) },
    { name: 'webhook: server host with a numeric top-level label', build: (c) => gateway(c, [GatewayListener.http({ hosts: ['shop.example.123'] })]) },

    // TLS
    {
      name: 'webhook: cipher suites Istio ignores',
      build: (c) => gateway(c, [GatewayListener.https({
        hosts: ['*'],
        tls: ServerTls.simple('cert', { cipherSuites: ['ECDHE-RSA-AES128-GCM-SHA256', 'TLS_AES_128_GCM_SHA256', 'ECDHE-RSA-AES128-GCM-SHA256'] }),
      })]),
    },

    {
      name: 'webhook: mutual TLS origination with caCertificates beside the credential',
      build: (c) => new EgressRoute(c, 'egress', {
        name: 'cnn', host: 'edition.cnn.com', mode: EgressMode.TLS_ORIGINATION, originationTls: OriginationTls.mutual('client-cert', { caCertificates: '/etc/ssl/ca.pem' }),
      }),
    },

    // Labels
    { name: 'webhook: gateway selector that is not a label', build: (c) => new IngressGateway(c, 'gw', { name: 'gw', selector: { 'istio/': 'ingress gateway' }, listeners: [GatewayListener.http()] }) },
    { name: 'webhook: egress gatewaySelector that is not a label', build: (c) => new EgressRoute(c, 'egress', { name: 'cnn', host: 'edition.cnn.com', gatewaySelector: { istio: 'egress gateway' } }) },
    { name: 'webhook: mirror subset that is not a label', build: (c) => rule(c, { mirror: { backend: svc('shadow', 80, { subset: 'V1.0' }) } }) },
    { name: 'webhook: subset label value that is not a label value', build: (c) => new BackendPolicy(c, 'p', { serviceName: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1/beta' } }] }) },

    // Weights on stream routes
    ...both('webhook: TCP route weights all zero', (c, api) =>
      gateway(c, [GatewayListener.tcp({ port: 9000 })], api).addTcpRoute('tcp', { name: 'tcp', port: 9000, backends: [svc('a', 9000, { weight: 0 }), svc('b', 9000, { weight: 0 })] })),
    {
      name: 'webhook: TLS route negative weight',
      build: (c) => gateway(c, [GatewayListener.tlsPassthrough({ hosts: ['a.example.com'] })]).addTlsRoute('tls', {
        name: 'tls', hosts: ['a.example.com'], backends: [svc('a', 443, { weight: -1 }), svc('b', 443, { weight: 1 })],
      }),
    },
    { name: 'webhook: httpbin with an empty image', build: (c) => new HttpbinExposure(c, 'httpbin', { image: '' }) },
    { name: 'webhook: workload memory limit below zero', build: (c) => new GatewayWorkload(c, 'gw', { resources: { limits: { memory: '-1Gi' } } }) },
    { name: 'webhook: timeout of 5000 days (Gateway API)', build: (c) => rule(c, { timeout: Duration.days(5000) }, ApiFlavor.GATEWAY_API) },
    { name: 'webhook: CORS max age over an int32 (Gateway API)', build: (c) => rule(c, { cors: { allowOrigins: ['https://app.example.com'], maxAge: Duration.days(50000) } }, ApiFlavor.GATEWAY_API) },
    { name: 'webhook: CORS method listed twice (Gateway API)', build: (c) => rule(c, { cors: { allowOrigins: ['https://app.example.com'], allowMethods: ['GET', 'POST', 'GET'] } }, ApiFlavor.GATEWAY_API) },
    { name: 'webhook: rewrite to a host with a port (Gateway API)', build: (c) => rule(c, { matches: [{ path: PathMatch.prefix('/') }], rewrite: { host: 'internal:8080' } }, ApiFlavor.GATEWAY_API) },
    { name: 'webhook: rewrite to an upper-case host (Gateway API)', build: (c) => rule(c, { rewrite: { host: 'Internal.Example.com' } }, ApiFlavor.GATEWAY_API) },
    {
      name: 'webhook: TCP route to a subset no DestinationRule defines',
      build: (c) => gateway(c, [GatewayListener.tcp({ port: 9000 })]).addTcpRoute('tcp', { name: 'tcp', port: 9000, backends: [svc('db', 5432, { subset: 'v2' })] }),
    },
  ],
  expected: {
    'webhook: CORS method listed twice (Gateway API)': [
      '[c/gw/route] rule #0: cors.allowMethods lists "GET" twice, which the Gateway API\'s CORS filter refuses (each list is a set); list each value once.',
    ],
    'webhook: timeout of 5000 days (Gateway API)': [
      "[c/gw/route] rule #0: timeout of 120000h is longer than the Gateway API's Duration can say (at most five digits per unit: under 100000h, about 11 years); give a shorter timeout, or leave it out for no timeout.",
    ],
    'webhook: CORS max age over an int32 (Gateway API)': [
      "[c/gw/route] rule #0: cors.maxAge of 4320000000s is over the Gateway API's limit of 2147483647s (an int32); give a shorter one.",
    ],
    'webhook: rewrite to a host with a port (Gateway API)': [
      '[c/gw/route] rule #0: rewrite.host "internal:8080" is not a host name the Gateway API\'s URLRewrite accepts (a lower-case DNS name, without port or wildcard); write "internal", or render with ApiFlavor.ISTIO to rewrite to a host:port.',
    ],
    'webhook: rewrite to an upper-case host (Gateway API)': [
      '[c/gw/route] rule #0: rewrite.host "Internal.Example.com" is not a host name the Gateway API\'s URLRewrite accepts (a lower-case DNS name, without port or wildcard); write "internal.example.com", or render with ApiFlavor.ISTIO to rewrite to a host:port.',
    ],
    'webhook: TCP route to a subset no DestinationRule defines': [
      '[c/gw/tcp] TCP route: backend "db.default:5432" names subset "v2", but no BackendPolicy (DestinationRule) in this app defines it for "db.default.svc.cluster.local"; define the subset with new BackendPolicy(..., { subsets: [...] }).',
    ],
    'webhook: lookahead in a path regex (Istio API)': [
      '[c/gw/route] rule #0: path pattern "/api/(?=v1)" is not a valid RE2 regular expression ("invalid or unsupported Perl syntax: `(?=`"); Istio and Envoy read RE2 syntax (no lookaround or backreferences): fix the pattern.',
    ],
    'webhook: lookahead in a path regex (Gateway API)': [
      '[c/gw/route] rule #0: path pattern "/api/(?=v1)" is not a valid RE2 regular expression ("invalid or unsupported Perl syntax: `(?=`"); Istio and Envoy read RE2 syntax (no lookaround or backreferences): fix the pattern.',
    ],
    'webhook: backreference in a header regex (Istio API)': [
      '[c/gw/route] rule #0: header "x-id" pattern "(a)\\\\1" is not a valid RE2 regular expression ("invalid escape sequence: `\\\\1`"); Istio and Envoy read RE2 syntax (no lookaround or backreferences): fix the pattern.',
    ],
    'webhook: backreference in a header regex (Gateway API)': [
      '[c/gw/route] rule #0: header "x-id" pattern "(a)\\\\1" is not a valid RE2 regular expression ("invalid escape sequence: `\\\\1`"); Istio and Envoy read RE2 syntax (no lookaround or backreferences): fix the pattern.',
    ],
    'webhook: empty query parameter regex': [
      '[c/gw/route] rule #0: query parameter "q" pattern is empty, which Istio refuses; match everything with ".*", or leave the match out.',
    ],
    'webhook: path regex over 1024 characters': [
      "[c/gw/route] rule #0: path pattern of 1025 characters is longer than Istio's limit of 1024; shorten it.",
    ],
    'webhook: empty header prefix': [
      '[c/gw/route] rule #0: header "x-id" has an empty prefix, which Istio refuses; to match any value use StringMatch.regex(".*").',
    ],
    'webhook: Gateway API path with "//" and "/./"': [
      "[c/gw/route] rule #0: path \"/api//v1\" contains \"//\", which the Gateway API's HTTPRoute schema refuses; write a normalized path: no empty, \".\" or \"..\" segments, no \"%2F\" or \"#\", other characters outside RFC 3986 escaped as %XX (\" \" as \"%20\").",
      "[c/gw/route] rule #0: path \"/a/./b\" contains \"/./\", which the Gateway API's HTTPRoute schema refuses; write a normalized path: no empty, \".\" or \"..\" segments, no \"%2F\" or \"#\", other characters outside RFC 3986 escaped as %XX (\" \" as \"%20\").",
    ],
    'webhook: Gateway API path with a space': [
      "[c/gw/route] rule #0: path \"/my file\" holds a character a URL path cannot (use %XX to escape it), which the Gateway API's HTTPRoute schema refuses; write a normalized path: no empty, \".\" or \"..\" segments, no \"%2F\" or \"#\", other characters outside RFC 3986 escaped as %XX (\" \" as \"%20\").",
    ],
    'webhook: Gateway API header match on an empty value': [
      '[c/gw/route] rule #0: header "x-id" matches an empty value, which the Gateway API refuses; match a value, or use StringMatch.regex(".*").',
    ],
    'webhook: Gateway API CORS origins without a scheme, and "*" beside others': [
      "[c/gw/route] rule #0: cors.allowOrigins \"app.example.com\" is not an origin the Gateway API's CORS filter accepts; write \"http(s)://host[:port]\" (e.g. \"https://app.example.com\", \"https://*.example.com\"), or '*'.",
      "[c/gw/route] rule #0: cors.allowOrigins lists '*' beside other values, which the Gateway API's CORS filter refuses; keep '*' alone, or drop it.",
      "[c/gw/route] rule #0: cors.allowMethods lists '*' beside other values, which the Gateway API's CORS filter refuses; keep '*' alone, or drop it.",
    ],
    'webhook: Gateway API rule name that is not a name': [
      "[c/gw/route] rule \"Checkout API\": the rule name is not a DNS-1123 subdomain, as the Gateway API requires of HTTPRoute rule names; use lower-case letters, digits, '-' and '.'.",
    ],
    'webhook: Gateway API header edit with an empty value': [
      '[c/gw/route] rule #0: requestHeaders: header "x-team" has an empty value, which the Gateway API refuses; give a value, or remove the header.',
    ],
    'webhook: retryOn condition Envoy does not know': [
      '[c/gw/route] rule #0: retries.retryOn "server-error" is not a retry condition Istio knows; use an HTTP status code such as "503", or one of 5xx, gateway-error, reset, reset-before-request, connect-failure, retriable-4xx, refused-stream, retriable-status-codes, retriable-headers, envoy-ratelimited, http3-post-connect-failure, cancelled, deadline-exceeded, internal, resource-exhausted, unavailable.',
      '[c/gw/route] rule #0: retries.retryOn "599" is not a retry condition Istio knows; use an HTTP status code such as "503", or one of 5xx, gateway-error, reset, reset-before-request, connect-failure, retriable-4xx, refused-stream, retriable-status-codes, retriable-headers, envoy-ratelimited, http3-post-connect-failure, cancelled, deadline-exceeded, internal, resource-exhausted, unavailable.',
    ],
    'webhook: retries off with perTryTimeout and retryOn': [
      '[c/gw/route] rule #0: retries.attempts is 0 (retries off) but perTryTimeout and retryOn are set, which Istio refuses; give attempts of at least 1, or remove perTryTimeout and retryOn.',
    ],
    'webhook: CORS method in lower case (Istio API)': [
      '[c/gw/route] rule #0: cors.allowMethods "get" is not a method Istio accepts; use one of GET, HEAD, POST, PUT, PATCH, DELETE, CONNECT, OPTIONS, TRACE, * (upper case).',
    ],
    'webhook: CORS method in lower case (Gateway API)': [
      '[c/gw/route] rule #0: cors.allowMethods "get" is not a method Istio accepts; use one of GET, HEAD, POST, PUT, PATCH, DELETE, CONNECT, OPTIONS, TRACE, * (upper case).',
    ],
    'webhook: CORS header that is not a token': [
      "[c/gw/route] rule #0: cors.allowHeaders \"x user\" is not a valid header name (an RFC 7230 token, or '*').",
      "[c/gw/route] rule #0: cors.exposeHeaders \"x:bad\" is not a valid header name (an RFC 7230 token, or '*').",
    ],
    'webhook: CORS empty origin': [
      "[c/gw/route] rule #0: cors.allowOrigins has an empty origin, which Istio refuses; write the origin, e.g. \"https://app.example.com\", or '*'.",
    ],
    'webhook: rewrite that changes nothing': [
      '[c/gw/route] rule #0: the rewrite changes nothing (neither pathPrefix nor host), which Istio refuses; set one of them, or remove the rewrite.',
    ],
    'webhook: redirect that changes nothing': [
      '[c/gw/route] rule #0: the redirect changes nothing (no scheme, host, port or path), which Istio refuses; set at least one of them.',
    ],
    'webhook: fault beside a direct response': [
      '[c/gw/route] rule #0: fault injection applies only to forwarded requests; Istio refuses it beside a redirect or a direct response: remove the fault, or forward.',
    ],
    'webhook: fault percentage below 0.0001': [
      "[c/gw/route] rule #0: fault percentage 0.00005 is below Istio's smallest share of 0.0001; use 0 (never) or at least 0.0001.",
    ],
    'webhook: direct response body over 1 MiB': [
      "[c/gw/route] rule #0: the direct response body of 1048577 bytes is over Istio's limit of 1 MiB (1048576 bytes); serve it from a backend.",
    ],
    'webhook: header value with an un-escaped % (Istio API)': [
      "[c/gw/route] rule #0: requestHeaders: the value \"100%\" of header \"x-discount\" ends in an un-escaped '%' (write '%%' for a literal '%'), which Envoy (and Istio's webhook) refuse.",
      "[c/gw/route] rule #0: responseHeaders: the value \"%START_TIME\" of header \"x-trace\" has an un-terminated '%' variable (write '%%' for a literal '%'), which Envoy (and Istio's webhook) refuse.",
    ],
    'webhook: header value with an un-escaped % (Gateway API)': [
      "[c/gw/route] rule #0: requestHeaders: the value \"100%\" of header \"x-discount\" ends in an un-escaped '%' (write '%%' for a literal '%'), which Envoy (and Istio's webhook) refuse.",
      "[c/gw/route] rule #0: responseHeaders: the value \"%START_TIME\" of header \"x-trace\" has an un-terminated '%' variable (write '%%' for a literal '%'), which Envoy (and Istio's webhook) refuse.",
    ],
    'webhook: header value with a newline': [
      "[c/gw/route] rule #0: responseHeaders: the value \"a\\nb\" of header \"x-note\" contains a control character, which Envoy (and Istio's webhook) refuse.",
    ],
    'webhook: Host header edits Istio refuses': [
      '[c/gw/route] rule #0: responseHeaders edits "host", which Istio refuses (a response has no Host header); remove it.',
      '[c/gw/route] rule #0: requestHeaders removes "Host", which Istio refuses (a request needs its Host); remove it from remove.',
    ],
    'webhook: authority set twice': [
      '[c/gw/route] rule #0: the Host (authority) is set 2 times (rewrite.host, requestHeaders.set["host"]), which Istio refuses; set it once, with rewrite.host.',
    ],
    'webhook: overlapping route hosts': [
      '[c/gw/route] route hosts "*.example.com" and "shop.example.com" overlap, and Istio refuses a VirtualService with duplicate hosts; keep the wider one, or split them into two routes.',
    ],
    'webhook: route host with a numeric top-level label': [
      '[c/gw/route] route host "shop.example.42" ends in an all-numeric label, which Istio refuses in a host name; write a DNS name, or an IP address.',
    ],
    'webhook: egress host that is an IP address': [
      '[c/egress] host "93.184.216.34" is not a DNS name; use a lower-case name like "edition.cnn.com", or a wildcard like "*.wikipedia.org" with wildcardTarget.',
    ],
    'webhook: HTTPS listener without TLS settings': [
      '[c/gw] listeners[0].tls is missing; give it, e.g. ServerTls.simple("my-cert").',
    ],
    'webhook: short server host': [
      '[c/gw] listener "http": host "shop" is a short name, which Istio refuses on a Gateway server; write the full name, e.g. "shop.example.com".',
    ],
    'webhook: server host with a numeric top-level label': [
      '[c/gw] listener "http": host "shop.example.123" ends in an all-numeric label, which Istio refuses in a host name; write a DNS name, or an IP address.',
    ],
    'webhook: cipher suites Istio ignores': [
      '[c/gw] listener "https": cipher suite "TLS_AES_128_GCM_SHA256" is not one Istio supports, and Istio would ignore it; use one of ECDHE-ECDSA-AES128-GCM-SHA256, ECDHE-RSA-AES128-GCM-SHA256, ECDHE-ECDSA-AES256-GCM-SHA384, ECDHE-RSA-AES256-GCM-SHA384, ECDHE-ECDSA-CHACHA20-POLY1305, ECDHE-RSA-CHACHA20-POLY1305, ECDHE-ECDSA-AES128-SHA, ECDHE-RSA-AES128-SHA, ECDHE-ECDSA-AES256-SHA, ECDHE-RSA-AES256-SHA, AES128-GCM-SHA256, AES256-GCM-SHA384, AES128-SHA, AES256-SHA, DES-CBC3-SHA.',
      '[c/gw] listener "https": cipher suite "ECDHE-RSA-AES128-GCM-SHA256" is listed twice, and Istio ignores the repeat; list each suite once.',
    ],
    'webhook: mutual TLS origination with caCertificates beside the credential': [
      "[c/egress] originationTls: caCertificates \"/etc/ssl/ca.pem\" is set beside credentialName \"client-cert\", which Istio refuses (the CA comes from the Secret's ca.crt); remove caCertificates, or put the CA in the Secret.",
    ],
    'webhook: gateway selector that is not a label': [
      "[c/gw] selector: \"istio/\" is not a label key; use an optional DNS subdomain prefix and '/', then a name of at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit.",
      "[c/gw] selector: the value \"ingress gateway\" of \"istio/\" is not a label value; use at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit (or an empty value).",
    ],
    'webhook: egress gatewaySelector that is not a label': [
      "[c/egress] gatewaySelector: the value \"egress gateway\" of \"istio\" is not a label value; use at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit (or an empty value).",
    ],
    'webhook: mirror subset that is not a label': [
      '[c/gw/route] rule #0: mirror subset "V1.0" is not a DNS-1123 label, as Istio requires of subset names; use the name of a BackendPolicy subset.',
    ],
    'webhook: subset label value that is not a label value': [
      "[c/p] subset \"v1\" labels: the value \"v1/beta\" of \"version\" is not a label value; use at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit (or an empty value).",
    ],
    'webhook: TCP route weights all zero (Istio API)': [
      '[c/gw/tcp] TCP route: every backend has weight 0, so no connection would be served; give at least one a positive weight.',
    ],
    'webhook: TCP route weights all zero (Gateway API)': [
      '[c/gw/tcp] TCP route: every backend has weight 0, so no connection would be served; give at least one a positive weight.',
    ],
    'webhook: TLS route negative weight': [
      '[c/gw/tls] backend "a.default:443": weight -1 must be a whole number from 0 to 1000000 (weights are relative).',
    ],
    'webhook: httpbin with an empty image': [
      '[c/httpbin] image "" is not a container image (the apiserver refuses an empty image or blanks around it); give one like "docker.io/mccutchen/go-httpbin:v2.15.0", or leave image out.',
    ],
    'webhook: workload memory limit below zero': ["[c/gw] resources.limits.memory \"-1Gi\" is not a Kubernetes quantity; use one like '256Mi' or '1Gi'."],
  },
  valid: [
    { name: 'webhook: CORS method listed twice (Istio API)', build: (c) => rule(c, { cors: { allowOrigins: ['https://app.example.com'], allowMethods: ['GET', 'GET'] } }) },
    { name: 'webhook: timeout of 99999 hours (Gateway API)', build: (c) => rule(c, { timeout: Duration.hours(99999) }, ApiFlavor.GATEWAY_API) },
    { name: 'webhook: timeout of 5000 days (Istio API)', build: (c) => rule(c, { timeout: Duration.days(5000) }) },
    { name: 'webhook: rewrite to a host with a port (Istio API)', build: (c) => rule(c, { rewrite: { host: 'internal:8080' } }) },
    {
      name: 'webhook: TCP route to a subset its BackendPolicy defines',
      build: (c) => {
        new BackendPolicy(c, 'db', { serviceName: 'db', subsets: [{ name: 'v2', labels: { version: 'v2' } }] });
        gateway(c, [GatewayListener.tcp({ port: 9000 })]).addTcpRoute('tcp', { name: 'tcp', port: 9000, backends: [svc('db', 5432, { subset: 'v2' })] });
      },
    },
    // RE2 syntax JavaScript refuses: named groups in Go's (?P<name>) form.
    ...both('webhook: RE2 named group (?P<name>)', (c, api) => rule(c, { matches: [{ path: PathMatch.regex('/users/(?P<id>[0-9]+)') }] }, api)),
    { name: 'webhook: RE2 regex of exactly 1024 characters', build: (c) => rule(c, { matches: [{ path: PathMatch.regex(`/${'a'.repeat(1023)}`) }] }) },
    { name: 'webhook: retryOn with conditions and status codes', build: (c) => rule(c, { retries: { attempts: 3, retryOn: ['gateway-error', 'reset', 'retriable-status-codes', '503', '429'] } }) },
    { name: 'webhook: retries off, nothing else', build: (c) => rule(c, { retries: { attempts: 0 } }) },
    { name: 'webhook: CORS with every method and any header', build: (c) => rule(c, { cors: { allowOrigins: ['https://app.example.com'], allowMethods: ['GET', 'PATCH', 'OPTIONS', '*'], allowHeaders: ['*', 'x-user'] } }) },
    ...both('webhook: header values with %% and Envoy variables', (c, api) =>
      rule(c, { requestHeaders: { set: { 'x-discount': '100%%', 'x-host': '%HOSTNAME%', 'x-meta': '%UPSTREAM_METADATA(["lb", "version"])%' } } }, api)),
    {
      name: 'webhook: Istio API route with 17 rules and a free-form rule name',
      build: (c) => gateway(c).addHttpRoute('route', {
        name: 'route', rules: Array.from({ length: 17 }, (_, i) => ({ name: i === 0 ? 'Checkout API' : undefined, matches: [{ path: PathMatch.prefix(`/p${i}`) }], action: forward })),
      }),
    },
    {
      name: 'webhook: Gateway API gateway with 64 listener hosts',
      build: (c) => gateway(c, [GatewayListener.http({ hosts: Array.from({ length: 64 }, (_, i) => `h${i}.example.com`) })], ApiFlavor.GATEWAY_API),
    },
    { name: 'webhook: Istio API path with "//"', build: (c) => rule(c, { matches: [{ path: PathMatch.prefix('/api//v1') }] }) },
    { name: 'webhook: Gateway API path with %XX escapes', build: (c) => rule(c, { matches: [{ path: PathMatch.exact('/caf%C3%A9') }] }, ApiFlavor.GATEWAY_API) },
    { name: 'webhook: Gateway API CORS with a wildcard origin and port', build: (c) => rule(c, { cors: { allowOrigins: ['https://*.example.com:8443', 'http://localhost'], allowMethods: ['GET', 'POST'] } }, ApiFlavor.GATEWAY_API) },
    { name: 'webhook: Istio API header edit with an empty value', build: (c) => rule(c, { requestHeaders: { set: { 'x-team': '' } } }) },
    { name: 'webhook: fault percentage of exactly 0.0001', build: (c) => rule(c, { fault: FaultInjection.abort(503, 0.0001) }) },
    { name: 'webhook: rewrite.host alone sets the authority', build: (c) => rule(c, { rewrite: { host: 'backend.internal.example.com' } }) },
    { name: 'webhook: redirect with only a status and scheme', build: (c) => rule(c, { action: HttpRouteAction.redirect({ scheme: 'https', statusCode: 308 }) }) },
    { name: 'webhook: server host that is an IP address', build: (c) => gateway(c, [GatewayListener.http({ hosts: ['10.0.0.1'] })]) },
    { name: 'webhook: route host that is an IP address', build: (c) => gateway(c).addHttpRoute('route', { name: 'route', hosts: ['10.0.0.1'], rules: [{ action: forward }] }) },
    { name: 'webhook: short listener host with the Gateway API', build: (c) => gateway(c, [GatewayListener.http({ hosts: ['shop'] })], ApiFlavor.GATEWAY_API) },
    {
      name: 'webhook: cipher suites Istio supports, and an expression',
      build: (c) => gateway(c, [GatewayListener.https({ hosts: ['*'], tls: ServerTls.simple('cert', { cipherSuites: ['ECDHE-ECDSA-AES256-GCM-SHA384', 'AES128-GCM-SHA256', '-DES-CBC3-SHA'] }) })]),
    },
    {
      name: 'webhook: TLS route whose SNI hosts overlap',
      build: (c) => gateway(c, [GatewayListener.tlsPassthrough({ hosts: ['*.example.com'] })]).addTlsRoute('tls', {
        name: 'tls', hosts: ['*.example.com', 'a.example.com'], backends: [svc('a', 443)],
      }),
    },
    { name: 'webhook: subset labels with a prefixed key', build: (c) => new BackendPolicy(c, 'p', { serviceName: 'reviews', subsets: [{ name: 'v1', labels: { 'app.kubernetes.io/version': 'v1.2_beta' } }] }) },
    { name: 'webhook: empty connection pool', build: (c) => new BackendPolicy(c, 'p', { serviceName: 'reviews', connectionPool: {} }) },
    ...both('webhook: TCP route with one weight zero', (c, api) =>
      gateway(c, [GatewayListener.tcp({ port: 9000 })], api).addTcpRoute('tcp', { name: 'tcp', port: 9000, backends: [svc('a', 9000, { weight: 0 }), svc('b', 9000, { weight: 1 })] })),
    { name: 'webhook: workload quantities in other notations', build: (c) => new GatewayWorkload(c, 'gw', { resources: { requests: { cpu: '0.5', memory: '500M' }, limits: { cpu: '1', memory: '1.5Gi' } } }) },
  ],
};
