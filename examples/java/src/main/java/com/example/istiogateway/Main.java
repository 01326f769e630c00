package com.example.istiogateway;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.cdk8s.App;
import org.cdk8s.AppProps;
import org.cdk8s.Chart;
import org.cdk8s.ChartProps;
import org.cdk8s.plus33.k8s.Container;
import org.cdk8s.plus33.k8s.ContainerPort;
import org.cdk8s.plus33.k8s.DeploymentSpec;
import org.cdk8s.plus33.k8s.IntOrString;
import org.cdk8s.plus33.k8s.KubeDeployment;
import org.cdk8s.plus33.k8s.KubeService;
import org.cdk8s.plus33.k8s.KubeServiceAccount;
import org.cdk8s.plus33.k8s.LabelSelector;
import org.cdk8s.plus33.k8s.ObjectMeta;
import org.cdk8s.plus33.k8s.PodSpec;
import org.cdk8s.plus33.k8s.PodTemplateSpec;
import org.cdk8s.plus33.k8s.ServicePort;
import org.cdk8s.plus33.k8s.ServiceSpec;
import software.constructs.Construct;

import dev.cdk8s.istiogateway.ApiFlavor;
import dev.cdk8s.istiogateway.Backend;
import dev.cdk8s.istiogateway.ClientNetworkPolicyOptions;
import dev.cdk8s.istiogateway.EastWestGateway;
import dev.cdk8s.istiogateway.EastWestMode;
import dev.cdk8s.istiogateway.EgressClients;
import dev.cdk8s.istiogateway.EgressMode;
import dev.cdk8s.istiogateway.EgressRoute;
import dev.cdk8s.istiogateway.GatewayListener;
import dev.cdk8s.istiogateway.GatewayWorkloadProps;
import dev.cdk8s.istiogateway.HttpRouteAction;
import dev.cdk8s.istiogateway.HttpRouteMatch;
import dev.cdk8s.istiogateway.HttpRouteOptions;
import dev.cdk8s.istiogateway.HttpRouteRule;
import dev.cdk8s.istiogateway.HttpbinExposure;
import dev.cdk8s.istiogateway.HttpsListenerOptions;
import dev.cdk8s.istiogateway.IngressGateway;
import dev.cdk8s.istiogateway.PathMatch;
import dev.cdk8s.istiogateway.ServerTls;
import dev.cdk8s.istiogateway.ServiceBackendOptions;

/**
 * cdk8s-istio-gateway from Java.
 *
 * <p>Builds the same apps as the TypeScript examples of the same names (examples/&lt;name&gt;/main.ts)
 * and writes each into &lt;out&gt;/&lt;name&gt;/:
 *
 * <pre>
 * mvn -q compile exec:java                                           # every example, into ./dist
 * mvn -q compile exec:java -Dexec.args="--out /tmp/yaml httpbin-istio-api"
 * </pre>
 *
 * <p>Each example is one method that takes the App; add one by writing the method and naming it in
 * {@link #EXAMPLES}.
 */
public final class Main {

    /** Example name (as under examples/) to the method that builds it into an App. */
    static final Map<String, Consumer<App>> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put("httpbin-istio-api", app -> httpbin(app, ApiFlavor.ISTIO));
        EXAMPLES.put("httpbin-gateway-api", app -> httpbin(app, ApiFlavor.GATEWAY_API));
        EXAMPLES.put("secure-ingress-simple-istio-api", app -> secureIngress(app, ApiFlavor.ISTIO, false));
        EXAMPLES.put("secure-ingress-simple-gateway-api", app -> secureIngress(app, ApiFlavor.GATEWAY_API, false));
        EXAMPLES.put("secure-ingress-mutual-istio-api", app -> secureIngress(app, ApiFlavor.ISTIO, true));
        EXAMPLES.put("secure-ingress-mutual-gateway-api", app -> secureIngress(app, ApiFlavor.GATEWAY_API, true));
        EXAMPLES.put("egress-http-istio-api", app -> egress(app, ApiFlavor.ISTIO, EgressMode.HTTP));
        EXAMPLES.put("egress-http-gateway-api", app -> egress(app, ApiFlavor.GATEWAY_API, EgressMode.HTTP));
        EXAMPLES.put("egress-tls-origination-istio-api", app -> egress(app, ApiFlavor.ISTIO, EgressMode.TLS_ORIGINATION));
        EXAMPLES.put("egress-tls-origination-gateway-api", app -> egress(app, ApiFlavor.GATEWAY_API, EgressMode.TLS_ORIGINATION));
        EXAMPLES.put("primary-remote-cluster1-istio-api", app -> eastWest(app, ApiFlavor.ISTIO, true, EastWestMode.SIDECAR));
        EXAMPLES.put("primary-remote-cluster1-gateway-api", app -> eastWest(app, ApiFlavor.GATEWAY_API, true, EastWestMode.SIDECAR));
        EXAMPLES.put("east-west-ambient", app -> eastWest(app, ApiFlavor.GATEWAY_API, false, EastWestMode.AMBIENT));
    }

    /** httpbin on httpbin.example.com, /status and /delay routed to httpbin:8000, every other path 404. */
    static void httpbin(final App app, final ApiFlavor api) {
        Chart chart = new Chart(app, "httpbin", ChartProps.builder().namespace("default").build());
        HttpbinExposure.Builder.create(chart, "httpbin").api(api).build();
    }

    /** httpbin.example.com over HTTPS on 443 with the credential `httpbin-credential`, SIMPLE or MUTUAL. */
    static void secureIngress(final App app, final ApiFlavor api, final boolean mutual) {
        Chart chart = new Chart(app, "secure-ingress", ChartProps.builder().namespace("default").build());
        new SampleApp(chart, "httpbin", "httpbin", HttpbinExposure.DEFAULT_IMAGE, 8000, 8080, "v1");

        ServerTls tls = mutual ? ServerTls.mutual("httpbin-credential") : ServerTls.simple("httpbin-credential");
        IngressGateway gateway = IngressGateway.Builder.create(chart, "gateway")
                .api(api)
                .name("mygateway")
                .listeners(List.of(GatewayListener.https(HttpsListenerOptions.builder()
                        .hosts(List.of("httpbin.example.com"))
                        .tls(tls)
                        .build())))
                .build();
        gateway.addHttpRoute("httpbin", HttpRouteOptions.builder()
                .name("httpbin")
                .hosts(List.of("httpbin.example.com"))
                .rules(List.of(HttpRouteRule.builder()
                        .matches(List.of(
                                HttpRouteMatch.builder().path(PathMatch.prefix("/status")).build(),
                                HttpRouteMatch.builder().path(PathMatch.prefix("/delay")).build()))
                        .action(HttpRouteAction.forward(List.of(
                                Backend.service("httpbin", ServiceBackendOptions.builder().port(8000).build()))))
                        .build()))
                .build());
    }

    /**
     * edition.cnn.com reached only through the egress gateway (ServiceEntry, Gateway, routes for both legs).
     *
     * <p>HTTP deploys the egress gateway itself with the Istio API, admits only clients of {@code default}
     * and locks {@code default} in with a NetworkPolicy; TLS origination lets clients send plain HTTP on 80
     * and has the gateway originate TLS to port 443.
     */
    static void egress(final App app, final ApiFlavor api, final EgressMode mode) {
        String name = mode == EgressMode.HTTP ? "http" : "tls-origination";
        Chart chart = new Chart(app, "egress-" + name, ChartProps.builder().namespace("default").build());
        EgressRoute.Builder route = EgressRoute.Builder.create(chart, "cnn")
                .api(api)
                .name("cnn")
                .host("edition.cnn.com")
                .mode(mode);
        if (mode == EgressMode.HTTP) {
            if (api == ApiFlavor.ISTIO) {
                route.workload(GatewayWorkloadProps.builder().build());
            } else {
                // Istio deploys the gateway in the route's namespace, which the NetworkPolicy must not confine.
                route.namespace("istio-egress");
            }
            route.clientNamespaces(List.of("default"))
                    .allowedClients(EgressClients.builder().namespaces(List.of("default")).build())
                    .clientNetworkPolicy(ClientNetworkPolicyOptions.builder().build());
        }
        route.build();
    }

    /** cluster1's east-west gateway on network1: AUTO_PASSTHROUGH on 15443 (or HBONE on 15008 for ambient). */
    static void eastWest(final App app, final ApiFlavor api, final boolean exposeIstiod, final EastWestMode mode) {
        Chart chart = new Chart(app, "cluster1", ChartProps.builder().namespace("istio-system").build());
        EastWestGateway.Builder.create(chart, "east-west")
                .api(api)
                .cluster("cluster1")
                .network("network1")
                .exposeIstiod(exposeIstiod)
                .mode(mode)
                .build();
    }

    /** A sample backend to route to (Service, ServiceAccount and Deployment). Real apps bring their own. */
    static final class SampleApp extends Construct {
        SampleApp(final Construct scope, final String id, final String name, final String image,
                  final int port, final int containerPort, final String version) {
            super(scope, id);
            Map<String, String> labels = Map.of("app", name, "version", version);
            String portName = port == 443 ? "https" : port == 9000 ? "tcp" : "http";
            KubeService.Builder.create(this, "Service")
                    .metadata(ObjectMeta.builder().name(name).labels(Map.of("app", name, "service", name)).build())
                    .spec(ServiceSpec.builder()
                            .ports(List.of(ServicePort.builder()
                                    .name(portName)
                                    .port(port)
                                    .targetPort(IntOrString.fromNumber(containerPort))
                                    .build()))
                            .selector(Map.of("app", name))
                            .build())
                    .build();
            String account = name + "-" + version;
            KubeServiceAccount.Builder.create(this, "ServiceAccount")
                    .metadata(ObjectMeta.builder().name(account).build())
                    .build();
            KubeDeployment.Builder.create(this, "Deployment")
                    .metadata(ObjectMeta.builder().name(account).build())
                    .spec(DeploymentSpec.builder()
                            .replicas(1)
                            .selector(LabelSelector.builder().matchLabels(labels).build())
                            .template(PodTemplateSpec.builder()
                                    .metadata(ObjectMeta.builder().labels(labels).build())
                                    .spec(PodSpec.builder()
                                            .serviceAccountName(account)
                                            .containers(List.of(Container.builder()
                                                    .name(name)
                                                    .image(image)
                                                    .ports(List.of(ContainerPort.builder().containerPort(containerPort).build()))
                                                    .build()))
                                            .build())
                                    .build())
                            .build())
                    .build();
        }
    }

    public static void main(final String[] args) {
        String out = "dist";
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out":
                    out = args[++i];
                    break;
                case "--list":
                    EXAMPLES.keySet().forEach(System.out::println);
                    return;
                default:
                    names.add(args[i]);
            }
        }
        if (names.isEmpty()) {
            names.addAll(EXAMPLES.keySet());
        }
        for (String name : names) {
            if (!EXAMPLES.containsKey(name)) {
                throw new IllegalArgumentException("unknown example: " + name + "; known: " + EXAMPLES.keySet());
            }
        }
        Path root = Path.of(out).toAbsolutePath();
        for (String name : names) {
            App app = new App(AppProps.builder().outdir(root.resolve(name).toString()).build());
            EXAMPLES.get(name).accept(app);
            app.synth();
            System.out.println("synthesized " + name);
        }
    }

    private Main() {
    }
}
