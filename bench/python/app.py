"""One Python benchmark run, in a process of its own: the app of bench/constructs-app.ts built
through the Python package (jsii), synthesized with app.synth_yaml(), and one JSON line printed
with the time of construct building + synth_yaml, the peak RSS of this process and of its jsii
kernel, a digest of the YAML and the jsii kernel round trips.

    python app.py --api istio|gateway-api --routes N [--hosts listed|wildcard] [--style per-route|bulk|rule-data|data] [--out FILE]

--style per-route (default) writes the app the way the TypeScript one is written: per route,
Backend.service(), HttpRouteAction.forward() and gateway.add_http_route(), three calls into the
kernel. --style bulk builds the same objects with HttpRouteAction.forward_to() (one call per route)
and one gateway.add_http_routes() for all of them. --style rule-data describes every route as
plain structs (HttpRouteRule(forward_to=[ForwardTarget(...)])), so the whole app crosses in the one
gateway.add_http_routes() call; --style data does too, with the route's own forward_to instead of a
rule (HttpRouteEntry(..., forward_to=[ForwardTarget(...)])): fewer structs and fields per route.

Round trips are counted where the jsii runtime writes a request to the kernel's stdin and reads
its one-line answer (jsii._kernel.providers.process._NodeProcess.send): each call is one round
trip, whether Python asked (create, invoke, static invoke, get, ...) or answered a callback of
the kernel (complete). A callback is the kernel's answer asking Python to run an override; it is
counted as well, by kind.
"""
import argparse
import collections
import hashlib
import json
import resource
import sys
import time

from jsii._kernel.providers import process as _process

ROUND_TRIPS: "collections.Counter[str]" = collections.Counter()
_send = _process._NodeProcess.send


def _counting_send(self, request, response_type):
    ROUND_TRIPS[type(request).__name__] += 1
    response = _send(self, request, response_type)
    if type(response).__name__ == "Callback":
        ROUND_TRIPS["(callback from the kernel)"] += 1
    return response


_process._NodeProcess.send = _counting_send  # before the first import starts the kernel

from cdk8s import App, Chart  # noqa: E402

from cdk8s_istio_gateway import (  # noqa: E402
    ApiFlavor,
    Backend,
    GatewayListener,
    HttpRouteAction,
    HttpRouteRule,
    IngressGateway,
)

NAMESPACE = "default"
GATEWAY = "public"


def route_name(i: int) -> str:
    return f"svc-{i}"


def route_host(i: int) -> str:
    return f"svc-{i}.example.com"


def build(app: App, api: str, routes: int, hosts: str, style: str = "per-route") -> None:
    """The same app as build() in bench/constructs-app.ts."""
    chart = Chart(app, "bench", namespace=NAMESPACE)
    listener_hosts = ["*.example.com"] if hosts == "wildcard" else [route_host(i) for i in range(routes)]
    gateway = IngressGateway(
        chart,
        "gateway",
        api=ApiFlavor.ISTIO if api == "istio" else ApiFlavor.GATEWAY_API,
        name=GATEWAY,
        listeners=[GatewayListener.http(hosts=listener_hosts)],
    )
    if style in ("bulk", "rule-data", "data"):
        from cdk8s_istio_gateway import ForwardTarget, HttpRouteEntry  # noqa: PLC0415

        def entry(name: str, host: str) -> HttpRouteEntry:
            if style == "data":  # plain structs: nothing crosses until add_http_routes()
                return HttpRouteEntry(id=name, name=name, hosts=[host], forward_to=[ForwardTarget(service=name, port=8080)])
            if style == "rule-data":  # the same, as a rule
                rule = HttpRouteRule(forward_to=[ForwardTarget(service=name, port=8080)])
            else:
                rule = HttpRouteRule(action=HttpRouteAction.forward_to(name, port=8080))  # one call each
            return HttpRouteEntry(id=name, name=name, hosts=[host], rules=[rule])

        gateway.add_http_routes([entry(route_name(i), route_host(i)) for i in range(routes)])
        return
    for i in range(routes):
        name = route_name(i)
        gateway.add_http_route(
            name,
            name=name,
            hosts=[route_host(i)],
            rules=[HttpRouteRule(action=HttpRouteAction.forward([Backend.service(name, port=8080)]))],
        )


def peak_rss_mib(pid: int) -> float:
    """VmHWM of a live process (Linux), in MiB; 0 where /proc is not there."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def kernel_pid() -> int:
    """The pid of this process's jsii kernel (a node process)."""
    import jsii._kernel as kernel  # noqa: PLC0415

    provider = kernel.Kernel().provider  # the kernel is a singleton
    return provider._process._process.pid


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--api", choices=["istio", "gateway-api"], required=True)
    parser.add_argument("--routes", type=int, required=True)
    parser.add_argument("--hosts", choices=["listed", "wildcard"], default="listed")
    parser.add_argument("--style", choices=["per-route", "bulk", "rule-data", "data"], default="per-route")
    parser.add_argument("--out", default="")
    args = parser.parse_args()

    # The TypeScript run loads the library's modules before its clock starts; the jsii kernel loads
    # them on the first call into the library. Make that call (one round trip) before the clock too.
    GatewayListener.http(hosts=["warm-up.example.com"])

    before = sum(ROUND_TRIPS.values())
    by_kind_before = collections.Counter(ROUND_TRIPS)
    t0 = time.perf_counter()
    app = App()
    build(app, args.api, args.routes, args.hosts, args.style)
    t1 = time.perf_counter()
    yaml = app.synth_yaml()
    t2 = time.perf_counter()
    trips = sum(ROUND_TRIPS.values()) - before
    by_kind = {k: v - by_kind_before.get(k, 0) for k, v in ROUND_TRIPS.items() if v - by_kind_before.get(k, 0) > 0}

    data = yaml.encode("utf-8")
    if args.out:
        with open(args.out, "wb") as out:
            out.write(data)
    result = {
        "variant": "python",
        "api": args.api,
        "routes": args.routes,
        "hosts": args.hosts,
        "style": args.style,
        "ms": (t2 - t0) * 1000,
        "buildMs": (t1 - t0) * 1000,
        "synthMs": (t2 - t1) * 1000,
        "peakRssMiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "kernelPeakRssMiB": peak_rss_mib(kernel_pid()),
        "bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "roundTrips": trips,
        "roundTripsByKind": by_kind,
        "roundTripsBeforeBuild": before,
    }
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
