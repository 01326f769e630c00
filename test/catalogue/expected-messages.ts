import { TOPICS } from './topics';

// The exact messages of every bad input in cases.ts, as reviewed. A change here is a change of
// what users read: review it like a snapshot diff.
const CORE_EXPECTED: Record<string, string[]> = {
  'httpbin: host that is not a DNS name': [
    '[c/httpbin/Gateway] listener "http": host "httpbin_example.com" is not a DNS name; use a lower-case name like "httpbin.example.com", a wildcard like "*.example.com", or "*".',
    '[c/httpbin/Gateway/Route] route host "httpbin_example.com" is not a DNS name; use a lower-case name like "httpbin.example.com", a wildcard like "*.example.com", or "*".',
  ],
  'httpbin: path without a leading slash': [
    '[c/httpbin/Gateway/Route] rule #0: path "status" must start with "/"; write "/status".',
  ],
  'httpbin: empty path list': [
    "[c/httpbin] paths is empty, so nothing would be exposed; give at least one path prefix such as \"/status\", or ['/'] for everything.",
  ],
  'httpbin: port out of range': [
    '[c/httpbin/Gateway] listener "http-70000": port 70000 is out of range; use a whole number from 1 to 65535.',
  ],
  'httpbin: subset with the Gateway API': [
    '[c/httpbin/Gateway/Route] rule #0: backend "httpbin.default:8000" names subset "v1", an Istio API feature the Gateway API cannot express; route to a Service per version (e.g. one selecting version=v1), or render with ApiFlavor.ISTIO.',
  ],
  'gateway: no listener': [
    '[c/gw] gateway default/gw has no listener; add one with GatewayListener.http(), .https(), .tlsPassthrough() or .tcp().',
  ],
  'gateway: name that is not a DNS name': [
    "[c/gw] gateway name \"Public_GW\" is not a DNS-1123 subdomain; use lower-case letters, digits, '-' and '.'.",
  ],
  'listener: port 0': [
    '[c/gw] listener "tcp-0": port 0 is out of range; use a whole number from 1 to 65535.',
  ],
  'listener: fractional port': [
    "[c/gw] listener \"http-80.5\": the name is not a DNS-1123 label; use lower-case letters, digits and '-' (at most 63).",
    '[c/gw] listener "http-80.5": port 80.5 is out of range; use a whole number from 1 to 65535.',
  ],
  'listener: name that is not a DNS label': [
    "[c/gw] listener \"HTTP_Port\": the name is not a DNS-1123 label; use lower-case letters, digits and '-' (at most 63).",
  ],
  'listener: duplicate names': [
    '[c/gw] listeners #0 and #1 are both named "web"; give each listener of a gateway its own name.',
  ],
  'listener: no hosts': [
    "[c/gw] listener \"http\": no hosts; give at least one host, or '*' for any.",
  ],
  'listener: upper-case host': [
    '[c/gw] listener "http": host "Shop.Example.com" is not a DNS name; write it in lower case: "shop.example.com".',
  ],
  'listener: wildcard in the middle of a host': [
    '[c/gw] listener "http": host "shop.*.com" is not a DNS name; use a lower-case name like "httpbin.example.com", a wildcard like "*.example.com", or "*".',
  ],
  'listener: bad namespace scope': [
    "[c/gw] listener \"http\": host \"Team_A/shop.example.com\" has namespace scope \"Team_A\", which is not '*', '.' or a namespace name.",
  ],
  'listener: namespace scope with the Gateway API': [
    '[c/gw] listener "http": host "team-a/shop.example.com" is scoped to a namespace, which only the Istio API can say; with the Gateway API use the plain host and admit routes by namespace (allowedRoutes).',
  ],
  'listener: scoped hosts and routeNamespaces together': [
    '[c/gw] listener "http": hosts are scoped to namespaces ("ns/host") and routeNamespaces is set too; use one of the two.',
  ],
  'listener: routeNamespaces.named() with no namespace': [
    '[c/gw] listener "http": RouteNamespaces.named() lists no namespace; name at least one, or use RouteNamespaces.same().',
  ],
  'listener: two servers on one port, overlapping hosts': [
    '[c/gw] listeners "a" and "b" both serve port 80 for host "shop.example.com"; give them different hosts (a wildcard beside one of its hosts is fine: the most specific wins), merge them into one listener, or use another port.',
  ],
  'listener: HTTP and TCP on one port': [
    '[c/gw] listeners "http-8080" (HTTP) and "tcp-8080" (TCP) share port 8080; one port serves one protocol family (HTTP, HTTPS/TLS or TCP): move one listener to another port.',
  ],
  'listener: two TCP listeners on one port': [
    '[c/gw] listeners "a" and "b" both serve port 9000 for host "*"; give them hosts that do not overlap, merge them into one listener, or use another port.',
  ],
  'TLS: HTTPS without a credential': [
    '[c/gw] listener "https": HTTPS needs a credential; pass the name of the TLS Secret to ServerTls.simple() or .mutual().',
  ],
  'TLS: credential that is not a Secret name': [
    '[c/gw] listener "https": credential "My Cert" is not a valid Secret name.',
  ],
  'TLS: httpsRedirect on a gateway without HTTPS': [
    '[c/gw] listener "http" redirects to HTTPS, but gateway default/gw has no HTTPS listener to receive the redirected requests; add a GatewayListener.https() for the same hosts, or remove httpsRedirect.',
  ],
  'TLS: minimum version with the Gateway API': [
    '[c/gw] listener "https": TLS minProtocolVersion is an Istio API option the Gateway API cannot express; render with ApiFlavor.ISTIO, or leave it at its default.',
  ],
  'TLS: client SANs with the Gateway API': [
    '[c/gw] listener "https": TLS subjectAltNames is an Istio API option the Gateway API cannot express; render with ApiFlavor.ISTIO, or leave it at its default.',
  ],
  'HBONE listener with the Istio API': [
    '[c/gw] listener "mesh": an HBONE listener (ambient east-west) exists only in the Gateway API; render with ApiFlavor.GATEWAY_API.',
  ],
  'route: host no listener serves': [
    '[c/gw/route] route host "b.example.com" is not served by gateway default/gw for routes in namespace "default" (its HTTP/HTTPS listeners serve "a.example.com"); add the host to a listener, or remove it from the route (to accept it: GatewayValidation.suppress(scope, SuppressibleRule.ROUTE_HOST_NOT_SERVED, reason)).',
  ],
  'route: gateway without HTTP listener': [
    '[c/gw/route] gateway default/gw has no HTTP or HTTPS listener for this HTTP route; add GatewayListener.http() or .https().',
  ],
  'route: no rules': [
    '[c/gw/route] route has no rules; add one with addRule() or the rules option, or give forwardTo.',
  ],
  'route: no hosts': [
    '[c/gw/route] route has no hosts; give at least one host the gateway serves.',
  ],
  'route: name that is not a DNS name': [
    "[c/gw/route] route name \"My Route\" is not a DNS-1123 subdomain; use lower-case letters, digits, '-' and '.'.",
  ],
  'route: from a namespace the listener does not admit': [
    '[c/gw/route] route host "*" is not served by gateway default/gw for routes in namespace "team-a" (its HTTP/HTTPS listeners serve "*"); add the host to a listener, or remove it from the route (to accept it: GatewayValidation.suppress(scope, SuppressibleRule.ROUTE_HOST_NOT_SERVED, reason)).',
  ],
  'match: exact path without a slash': [
    '[c/gw/route] rule #0: path "health" must start with "/"; write "/health".',
  ],
  'match: invalid regular expression': [
    '[c/gw/route] rule #0: path pattern "/api/(" is not a valid RE2 regular expression ("missing closing ): `/api/(`"); Istio and Envoy read RE2 syntax (no lookaround or backreferences): fix the pattern.',
  ],
  'match: method that is not HTTP': [
    '[c/gw/route] rule #0: method "FETCH" is not an HTTP method; use one of GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH.',
  ],
  'match: header name with a space': [
    '[c/gw/route] rule #0: header name "x user" is not a valid token.',
  ],
  'match: prefix header match with the Gateway API': [
    '[c/gw/route] rule #0: header "x-user" uses a prefix match, which the Gateway API cannot express; use StringMatch.regex(), or render with ApiFlavor.ISTIO.',
  ],
  'backend: port 0': [
    '[c/gw/route] rule #0: backend "svc.default:0": port 0 is out of range; use a whole number from 1 to 65535.',
  ],
  'backend: Service name that is not a DNS label': [
    '[c/gw/route] rule #0: backend "My.Service.default:80": the Service name is not a DNS-1123 label.',
  ],
  'backend: negative weight': [
    '[c/gw/route] rule #0: backend "a.default:80": weight -1 must be a whole number from 0 to 1000000 (weights are relative).',
  ],
  'backend: every weight zero': [
    '[c/gw/route] rule #0: every backend has weight 0, so no request would be served; give at least one a positive weight.',
  ],
  'backend: no backend': [
    '[c/gw/route] rule #0: forwards to no backend; pass at least one Backend.service() to HttpRouteAction.forward().',
  ],
  'rule: both action and forwardTo': [
    '[c/gw/route] rule #0: gives both action and forwardTo; keep one (forwardTo is HttpRouteAction.forward() written as data).',
  ],
  'rule: neither action nor forwardTo': [
    '[c/gw/route] rule #0: says nothing to do with a matching request; give action (e.g. HttpRouteAction.forward([...])) or forwardTo: [{ service, port }].',
  ],
  'route: forwardTo after a rule that matches every request': [
    '[c/gw/route] forwardTo never applies: rule "all" matches every request already; remove forwardTo, or give that rule a match.',
  ],
  'route: forwardTo to no backend': [
    '[c/gw/route] forwardTo: forwards to no backend; give it at least one { service, port }.',
  ],
  'backend: subset no DestinationRule defines': [
    '[c/gw/route] rule #0: backend "reviews.default:9080" names subset "v3", but no BackendPolicy (DestinationRule) in this app defines it for "reviews.default.svc.cluster.local"; define the subset with new BackendPolicy(..., { subsets: [...] }).',
  ],
  'redirect: status that is not a redirect': [
    '[c/gw/route] rule #0: redirect status 200 is not a redirect; use 301, 302, 303, 307 or 308.',
    '[c/gw/route] rule #0: the redirect changes nothing (no scheme, host, port or path), which Istio refuses; set at least one of them.',
  ],
  'redirect: scheme ftp': [
    '[c/gw/route] rule #0: redirect scheme "ftp" must be "http" or "https".',
  ],
  'redirect: path without a slash': [
    '[c/gw/route] rule #0: redirect path "login" must start with "/".',
  ],
  'redirect and rewrite together': [
    '[c/gw/route] rule #0: a rewrite applies only to forwarded requests; a rule that redirects or answers directly cannot also rewrite.',
  ],
  'direct response: status 42': [
    '[c/gw/route] rule #0: direct response status 42 must be a whole number from 200 to 599.',
  ],
  'direct response with the Gateway API': [
    '[c/gw/route] rule #0: a direct response is an Istio API feature that the Gateway API cannot express; render this gateway with ApiFlavor.ISTIO, or forward to a backend.',
  ],
  'timeout: under 1ms': [
    '[c/gw/route] rule #0: timeout of 0.5ms is not a whole number of milliseconds of at least 1ms; use e.g. Duration.millis(1) or Duration.seconds(5).',
  ],
  'retries: negative attempts': [
    '[c/gw/route] rule #0: retries.attempts -1 must be a whole number of at least 0.',
  ],
  'retries with the Gateway API': [
    "[c/gw/route] rule #0: retries are not in the Gateway API's standard channel; render this gateway with ApiFlavor.ISTIO, or leave it out.",
  ],
  'fault: percentage over 100': [
    '[c/gw/route] rule #0: fault percentage 150 must be from 0 to 100.',
  ],
  'fault: abort status 99': [
    '[c/gw/route] rule #0: fault abort status 99 must be a whole number from 200 to 599.',
  ],
  'fault with the Gateway API': [
    '[c/gw/route] rule #0: fault injection is an Istio API feature the Gateway API cannot express; render this gateway with ApiFlavor.ISTIO, or leave it out.',
  ],
  'mirror: percentage under 0': [
    '[c/gw/route] rule #0: mirror percentage -5 must be from 0 to 100.',
  ],
  'rewrite: prefix without prefix matches': [
    '[c/gw/route] rule #0: rewrite.pathPrefix replaces the matched prefix, so every match of the rule needs a PathMatch.prefix(); add one, or drop the rewrite.',
  ],
  'CORS: no origins': [
    "[c/gw/route] rule #0: cors.allowOrigins is empty; list the allowed origins, or '*'.",
  ],
  'CORS: max age under a second': [
    '[c/gw/route] rule #0: cors.maxAge of 0.5s must be a whole number of seconds of at least 1.',
  ],
  'header edits: invalid header name': [
    '[c/gw/route] rule #0: requestHeaders: header name "x team" is not a valid token.',
  ],
  'TLS route: SNI host no listener serves': [
    "[c/gw/tls] TLS route SNI host \"b.example.com\" is not served by a TLS passthrough listener of gateway default/gw; add it to the listener's hosts.",
  ],
  'TLS route: no TLS passthrough listener': [
    '[c/gw/tls] gateway default/gw has no TLS listener for this route; add GatewayListener.tlsPassthrough().',
  ],
  'TLS route: SNI "*" with the Gateway API': [
    '[c/gw/tls] TLS route SNI host "*" (any) is an Istio API form; a TLSRoute needs host names such as "istiod.istio-system.svc".',
  ],
  'TCP route: no TCP listener on its port': [
    '[c/gw/tcp] gateway default/gw has no TCP listener on port 9001 for this route; add GatewayListener.tcp() on port 9001.',
  ],
  'TCP route: no backend': [
    '[c/gw/tcp] TCP route has no backend; pass at least one Backend.service().',
  ],
  'policy: subset without labels': [
    '[c/p] subset "v1" has no labels, so it would select every endpoint; give it the pod labels of its version.',
  ],
  'policy: subset defined twice': [
    '[c/p] subset "v1" is defined twice; give each subset its own name.',
  ],
  'policy: max ejection percent over 100': [
    '[c/p] outlierDetection.maxEjectionPercent 101 must be a whole number from 0 to 100.',
  ],
  'policy: connection limit 0': [
    '[c/p] connectionPool.maxConnections 0 must be a whole number of at least 1; Istio reads 0 as not set (no limit): leave it out for no limit, or give a limit of at least 1.',
  ],
  'two gateways on one workload, port and host (IST0145)': [
    '[c/a] listener "http" serves port 80 for host "shop.example.com" on the same workload (istio=ingressgateway) as gateway default/b; Istio keeps only one of them (IST0145): merge the listeners into one gateway, or give them different hosts (a wildcard beside one of its hosts is fine).',
    '[c/b] listener "http" serves port 80 for host "shop.example.com" on the same workload (istio=ingressgateway) as gateway default/a; Istio keeps only one of them (IST0145): merge the listeners into one gateway, or give them different hosts (a wildcard beside one of its hosts is fine).',
  ],
  'one credential on two gateways of one workload': [
    '[c/a] listener "https" uses credential "wildcard-cert", which gateway default/b on the same workload uses too; define the hosts that share a certificate in one gateway (to accept it: GatewayValidation.suppress(scope, SuppressibleRule.SHARED_CREDENTIAL, reason)).',
    '[c/b] listener "https" uses credential "wildcard-cert", which gateway default/a on the same workload uses too; define the hosts that share a certificate in one gateway (to accept it: GatewayValidation.suppress(scope, SuppressibleRule.SHARED_CREDENTIAL, reason)).',
  ],
  'two Istio routes on one gateway sharing a host': [
    '[c/gw] routes c/gw/cart and c/gw/api both serve host "shop.example.com" on this gateway; Istio merges them in creation order, so which rule matches first is undefined: put their rules in one route (to accept it: GatewayValidation.suppress(scope, SuppressibleRule.MERGED_ROUTES, reason)).',
  ],
  'a listener port the deployed Service does not expose (IST0162)': [
    '[c/gw] listener "http-8080" listens on port 8080, which the workload Service istio-ingressgateway does not expose; add it to workload.ports, or leave ports unset to derive them from the listeners (to accept it: GatewayValidation.suppress(scope, SuppressibleRule.SERVICE_PORT_MISSING, reason)).',
  ],
  'east-west: network that is not a label value': [
    "[c/ew] network \"net/1\" is not a valid label value; use letters, digits, '-', '_' and '.' (at most 63).",
  ],
  'east-west: ambient with the Istio API': [
    '[c/ew] the ambient east-west gateway exists only in the Gateway API (class istio-east-west); render with ApiFlavor.GATEWAY_API.',
  ],
  'east-west: two clusters claiming one network': [
    '[c/c1] network "network1" is claimed by cluster "cluster1" here and by cluster "cluster2" at c/c2; give each cluster on its own network its own network name.',
    '[c/c2] network "network1" is claimed by cluster "cluster2" here and by cluster "cluster1" at c/c1; give each cluster on its own network its own network name.',
  ],
};

/** Every bad input's messages: the core cases, then each topic's. */
export const EXPECTED: Record<string, string[]> = Object.assign({}, CORE_EXPECTED, ...TOPICS.map((t) => t.expected));
