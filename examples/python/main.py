"""cdk8s-istio-gateway from Python.

Builds the same apps as the TypeScript examples of the same names (examples/<name>/main.ts) and
writes each into <out>/<name>/:

    python main.py                      # every example, into ./dist
    python main.py --out /tmp/yaml httpbin-istio-api

Each example is one function that takes the App; add one by writing the function and naming it in
EXAMPLES.
"""
import argparse
import os
import sys
from typing import Callable, Dict, List

from cdk8s import App, Chart
from cdk8s_plus_33 import k8s
from constructs import Construct

from cdk8s_istio_gateway import (
    ApiFlavor,
    Backend,
    ClientNetworkPolicyOptions,
    EastWestGateway,
    EastWestMode,
    EgressClients,
    EgressMode,
    EgressRoute,
    GatewayListener,
    GatewayWorkloadProps,
    HttpbinExposure,
    HttpRouteAction,
    HttpRouteMatch,
    HttpRouteRule,
    IngressGateway,
    PathMatch,
    ServerTls,
)


# --- httpbin: Istio's ingress walk-through --------------------------------------------------------
def httpbin(app: App, api: ApiFlavor) -> None:
    """httpbin on httpbin.example.com, /status and /delay routed to httpbin:8000, every other path 404."""
    chart = Chart(app, "httpbin", namespace="default")
    HttpbinExposure(chart, "httpbin", api=api)


# --- secure ingress: HTTPS on 443, terminated at the gateway --------------------------------------
def secure_ingress(app: App, api: ApiFlavor, mutual: bool) -> None:
    """httpbin.example.com over HTTPS with the credential `httpbin-credential` (SIMPLE or MUTUAL)."""
    chart = Chart(app, "secure-ingress", namespace="default")
    SampleApp(chart, "httpbin", name="httpbin", image=HttpbinExposure.DEFAULT_IMAGE, port=8000, container_port=8080)

    tls = ServerTls.mutual("httpbin-credential") if mutual else ServerTls.simple("httpbin-credential")
    gateway = IngressGateway(
        chart,
        "gateway",
        api=api,
        name="mygateway",
        listeners=[GatewayListener.https(hosts=["httpbin.example.com"], tls=tls)],
    )
    gateway.add_http_route(
        "httpbin",
        name="httpbin",
        hosts=["httpbin.example.com"],
        rules=[
            HttpRouteRule(
                matches=[
                    HttpRouteMatch(path=PathMatch.prefix("/status")),
                    HttpRouteMatch(path=PathMatch.prefix("/delay")),
                ],
                action=HttpRouteAction.forward([Backend.service("httpbin", port=8000)]),
            )
        ],
    )


# --- egress: mesh -> egress gateway -> edition.cnn.com ---------------------------------------------
def egress(app: App, api: ApiFlavor, mode: EgressMode) -> None:
    """edition.cnn.com reached only through the egress gateway (ServiceEntry, Gateway, routes for both legs).

    HTTP deploys the egress gateway itself with the Istio API, admits only clients of `default` and
    locks `default` in with a NetworkPolicy; TLS origination lets clients send plain HTTP on 80 and
    has the gateway originate TLS to port 443.
    """
    name = "http" if mode == EgressMode.HTTP else "tls-origination"
    chart = Chart(app, f"egress-{name}", namespace="default")
    if mode == EgressMode.HTTP:
        EgressRoute(
            chart,
            "cnn",
            api=api,
            name="cnn",
            host="edition.cnn.com",
            mode=mode,
            workload=GatewayWorkloadProps() if api == ApiFlavor.ISTIO else None,
            # With the Gateway API Istio deploys the gateway in the route's namespace, which the
            # NetworkPolicy must not confine.
            namespace="istio-egress" if api == ApiFlavor.GATEWAY_API else None,
            client_namespaces=["default"],
            allowed_clients=EgressClients(namespaces=["default"]),
            client_network_policy=ClientNetworkPolicyOptions(),
        )
    else:
        EgressRoute(chart, "cnn", api=api, name="cnn", host="edition.cnn.com", mode=mode)


# --- east-west: a multi-network mesh --------------------------------------------------------------
def east_west(app: App, api: ApiFlavor, *, expose_istiod: bool = False, mode: EastWestMode = EastWestMode.SIDECAR) -> None:
    """cluster1's east-west gateway on network1: AUTO_PASSTHROUGH on 15443 (or HBONE on 15008 for ambient)."""
    chart = Chart(app, "cluster1", namespace="istio-system")
    EastWestGateway(
        chart,
        "east-west",
        api=api,
        cluster="cluster1",
        network="network1",
        expose_istiod=expose_istiod,
        mode=mode,
    )


class SampleApp(Construct):
    """A sample backend to route to (Service, ServiceAccount and Deployment). Real apps bring their own."""

    def __init__(self, scope: Construct, id: str, *, name: str, image: str, port: int, container_port: int,
                 version: str = "v1") -> None:
        super().__init__(scope, id)
        labels = {"app": name, "version": version}
        port_name = "https" if port == 443 else "tcp" if port == 9000 else "http"
        k8s.KubeService(
            self,
            "Service",
            metadata=k8s.ObjectMeta(name=name, labels={"app": name, "service": name}),
            spec=k8s.ServiceSpec(
                ports=[k8s.ServicePort(name=port_name, port=port, target_port=k8s.IntOrString.from_number(container_port))],
                selector={"app": name},
            ),
        )
        account = f"{name}-{version}"
        k8s.KubeServiceAccount(self, "ServiceAccount", metadata=k8s.ObjectMeta(name=account))
        k8s.KubeDeployment(
            self,
            "Deployment",
            metadata=k8s.ObjectMeta(name=account),
            spec=k8s.DeploymentSpec(
                replicas=1,
                selector=k8s.LabelSelector(match_labels=labels),
                template=k8s.PodTemplateSpec(
                    metadata=k8s.ObjectMeta(labels=labels),
                    spec=k8s.PodSpec(
                        service_account_name=account,
                        containers=[
                            k8s.Container(name=name, image=image, ports=[k8s.ContainerPort(container_port=container_port)])
                        ],
                    ),
                ),
            ),
        )


# Example name (as under examples/) -> the function that builds it into an App.
EXAMPLES: Dict[str, Callable[[App], None]] = {
    "httpbin-istio-api": lambda app: httpbin(app, ApiFlavor.ISTIO),
    "httpbin-gateway-api": lambda app: httpbin(app, ApiFlavor.GATEWAY_API),
    "secure-ingress-simple-istio-api": lambda app: secure_ingress(app, ApiFlavor.ISTIO, mutual=False),
    "secure-ingress-simple-gateway-api": lambda app: secure_ingress(app, ApiFlavor.GATEWAY_API, mutual=False),
    "secure-ingress-mutual-istio-api": lambda app: secure_ingress(app, ApiFlavor.ISTIO, mutual=True),
    "secure-ingress-mutual-gateway-api": lambda app: secure_ingress(app, ApiFlavor.GATEWAY_API, mutual=True),
    "egress-http-istio-api": lambda app: egress(app, ApiFlavor.ISTIO, EgressMode.HTTP),
    "egress-http-gateway-api": lambda app: egress(app, ApiFlavor.GATEWAY_API, EgressMode.HTTP),
    "egress-tls-origination-istio-api": lambda app: egress(app, ApiFlavor.ISTIO, EgressMode.TLS_ORIGINATION),
    "egress-tls-origination-gateway-api": lambda app: egress(app, ApiFlavor.GATEWAY_API, EgressMode.TLS_ORIGINATION),
    "primary-remote-cluster1-istio-api": lambda app: east_west(app, ApiFlavor.ISTIO, expose_istiod=True),
    "primary-remote-cluster1-gateway-api": lambda app: east_west(app, ApiFlavor.GATEWAY_API, expose_istiod=True),
    "east-west-ambient": lambda app: east_west(app, ApiFlavor.GATEWAY_API, mode=EastWestMode.AMBIENT),
}


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description="Synthesize the cdk8s-istio-gateway examples.")
    parser.add_argument("--out", default="dist", help="output folder; each example is written into <out>/<name>/")
    parser.add_argument("--list", action="store_true", help="print the example names and exit")
    parser.add_argument("names", nargs="*", help="examples to synthesize (default: all)")
    args = parser.parse_args(argv)

    if args.list:
        print("\n".join(EXAMPLES))
        return 0
    unknown = [n for n in args.names if n not in EXAMPLES]
    if unknown:
        print(f"unknown example(s): {', '.join(unknown)}; known: {', '.join(EXAMPLES)}", file=sys.stderr)
        return 2
    for name in args.names or list(EXAMPLES):
        app = App(outdir=os.path.join(os.path.abspath(args.out), name))
        EXAMPLES[name](app)
        app.synth()
        print(f"synthesized {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
