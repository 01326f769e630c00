package simulation

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var (
	repoFlag = flag.String("repo", "", "repository root holding examples/*/routing.yaml (default $SIM_REPO_ROOT, else ../..)")
	distFlag = flag.String("dist", "", "directory holding the synthesized <example>/ manifests (default $SIM_DIST_DIR, else <repo>/dist)")
)

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

// TestExamples checks every examples/*/routing.yaml of the repository against
// the synthesized manifests in dist/<example>/.
func TestExamples(t *testing.T) {
	root := firstNonEmpty(*repoFlag, os.Getenv("SIM_REPO_ROOT"), filepath.Join("..", ".."))
	if _, err := os.Stat(filepath.Join(root, "package.json")); err != nil {
		t.Fatalf("%s does not look like the repository root (no package.json): pass -repo or SIM_REPO_ROOT", root)
	}
	dist := firstNonEmpty(*distFlag, os.Getenv("SIM_DIST_DIR"), filepath.Join(root, "dist"))
	examples, err := FindExamples(filepath.Join(root, "examples"), dist)
	if err != nil {
		t.Fatal(err)
	}
	if len(examples) == 0 {
		t.Skipf("no %s yet: no routing tables to check", filepath.Join(root, "examples", "*", TableFile))
	}
	for _, ex := range examples {
		t.Run(ex.Name, func(t *testing.T) {
			table, err := LoadTable(ex.TablePath)
			if err != nil {
				t.Fatal(err)
			}
			if missing := missingEnv(table.Istiod.Env); len(missing) > 0 {
				runWithIstiodEnv(t, ex, root, dist, table.Istiod.Env)
				return
			}
			checkExample(t, ex)
		})
	}
}

// missingEnv lists the istiod environment variables (as KEY=value) this
// process was not started with.
func missingEnv(env map[string]string) []string {
	var out []string
	for k, v := range env {
		if got, ok := os.LookupEnv(k); !ok || got != v {
			out = append(out, k+"="+v)
		}
	}
	sort.Strings(out)
	return out
}

// runWithIstiodEnv checks one example in a child test process started with
// the istiod environment its table asks for: Istio reads its feature flags
// (e.g. PILOT_ENABLE_AMBIENT, AMBIENT_ENABLE_MULTI_NETWORK) once, when its
// packages initialize, and derives other settings from them (the built-in
// GatewayClasses and the defaults of the ambient flags), as istiod does when
// it starts. The child's verdict is this test's verdict.
func runWithIstiodEnv(t *testing.T, ex Example, root, dist string, env map[string]string) {
	absRoot, err := filepath.Abs(root)
	if err != nil {
		t.Fatal(err)
	}
	absDist, err := filepath.Abs(dist)
	if err != nil {
		t.Fatal(err)
	}
	vars := missingEnv(env)
	cmd := exec.Command(os.Args[0], "-test.run", "^TestExamples$/^"+regexp.QuoteMeta(ex.Name)+"$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), append(vars, "SIM_REPO_ROOT="+absRoot, "SIM_DIST_DIR="+absDist)...)
	out, err := cmd.CombinedOutput()
	// Keep the test's own report; leave out istiod's log lines.
	var report []string
	for _, line := range strings.Split(string(out), "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "---") || strings.HasPrefix(trimmed, "simulation_test.go:") ||
			strings.HasPrefix(trimmed, "harness.go:") || strings.HasPrefix(line, "        ") {
			report = append(report, line)
		}
	}
	where := fmt.Sprintf("in a child test process with istiod's %s", strings.Join(vars, " "))
	if err != nil || !strings.Contains(string(out), "--- PASS: TestExamples/"+ex.Name+" ") {
		t.Fatalf("%s: %v\n%s", where, err, strings.Join(report, "\n"))
	}
	t.Logf("%s:\n%s", where, strings.Join(report, "\n"))
}

// TestFixtures checks the harness's own fixtures (testdata/<fixture>/ holds
// both the manifests and the routing table).
func TestFixtures(t *testing.T) {
	examples, err := FindExamples("testdata", "testdata")
	if err != nil {
		t.Fatal(err)
	}
	if len(examples) < 2 {
		t.Fatalf("expected the httpbin fixtures under testdata/, found %d", len(examples))
	}
	for _, ex := range examples {
		t.Run(ex.Name, func(t *testing.T) { checkExample(t, ex) })
	}
}

// TestWrongFixtures runs deliberately wrong manifests whose tables state what
// their author believed, and asserts the harness rejects them with Istio's
// account of where the request really went.
func TestWrongFixtures(t *testing.T) {
	// Istio's account in both cases: the port 80 listener exists, but its route
	// configuration has no virtual host for api.example.com, so istiod fills it
	// with the catch-all 404 virtual host "blackhole:80", which has no routes.
	want := map[string][]string{
		// The VirtualService host is not on the Gateway: istiod drops it from
		// the gateway's routes.
		"virtualservice-host-not-on-gateway": {"listener=0.0.0.0_80", "routeConfig=http.80", "virtualHost=blackhole:80", `error="no route matched"`},
		// The HTTPRoute hostname is not admitted by the listener: the route
		// never attaches.
		"httproute-hostname-not-on-listener": {"listener=0.0.0.0_80", "routeConfig=http.80", "virtualHost=blackhole:80", `error="no route matched"`},
		// The egress VirtualService lost its mesh leg: the sidecar sends
		// edition.cnn.com straight to the external host, around the gateway.
		"egress-route-missing-mesh-leg": {"cluster=outbound|80||edition.cnn.com"},
		// The Gateway API form: no HTTPRoute has the ServiceEntry as parent, so
		// nothing attaches to the mesh and the sidecar again goes straight out.
		"egress-httproute-missing-mesh-leg": {"routeConfig=80", "virtualHost=edition.cnn.com:80", "cluster=outbound|80||edition.cnn.com"},
	}
	examples, err := FindExamples(filepath.Join("testdata", "wrong"), filepath.Join("testdata", "wrong"))
	if err != nil {
		t.Fatal(err)
	}
	if len(examples) != len(want) {
		t.Fatalf("found %d wrong fixtures, want %d", len(examples), len(want))
	}
	for _, ex := range examples {
		t.Run(ex.Name, func(t *testing.T) {
			needles, ok := want[ex.Name]
			if !ok {
				t.Fatalf("no expectation for wrong fixture %q", ex.Name)
			}
			res, err := Run(t, ex)
			if err != nil {
				t.Fatal(err)
			}
			mismatches := res.Mismatches()
			if len(mismatches) == 0 {
				t.Fatalf("the harness accepted a wrong fixture; outcomes: %v", res.Outcomes)
			}
			report := strings.Join(mismatches, "\n")
			for _, n := range needles {
				if !strings.Contains(report, n) {
					t.Errorf("report lacks %q:\n%s", n, report)
				}
			}
			t.Logf("rejected as expected:\n%s", report)
		})
	}
}

func checkExample(t *testing.T, ex Example) {
	res, err := Run(t, ex)
	if err != nil {
		t.Fatal(err)
	}
	m := res.Loaded
	t.Logf("loaded %d file(s): %d Istio config(s), %d Kubernetes object(s)", len(m.Files), len(m.Configs), len(m.Objects))
	for _, ig := range m.Ignored {
		t.Logf("not loaded: %s", ig)
	}
	for _, gd := range res.Gateways {
		labels := map[string]string{}
		if gd.Deployment != nil {
			labels = gd.Deployment.Spec.Template.Labels
		}
		svc := ""
		if gd.Service != nil {
			svc = gd.Service.Namespace + "/" + gd.Service.Name
		}
		t.Logf("Istio's deployment controller deployed Gateway %s: service %s, pod labels %v", gd.Gateway, svc, labels)
	}
	for _, o := range res.Outcomes {
		t.Run(o.Request.Name, func(t *testing.T) {
			for _, n := range o.Notes {
				t.Logf("NOTE: %s", n)
			}
			if why := Compare(o.Request.Expect, o); why != "" {
				t.Errorf("%s\n    expected:  %s\n    simulator: %s\n    mismatch:  %s",
					o.Request.Describe(o.Proxy), describeExpect(o.Request.Expect), o, why)
				return
			}
			t.Logf("%s -> %s", o.Request.Describe(o.Proxy), o)
		})
	}
}

// TestMissingManifestsFail: a table whose manifests were never synthesized is
// an error (never a skip), and says how to produce them.
func TestMissingManifestsFail(t *testing.T) {
	ex := Example{
		Name:      "httpbin-istio-api",
		TablePath: filepath.Join("testdata", "httpbin-istio-api", TableFile),
		Dir:       filepath.Join(t.TempDir(), "httpbin-istio-api"),
	}
	_, err := Run(t, ex)
	if err == nil || !strings.Contains(err.Error(), "npm run synth") {
		t.Fatalf("want an error telling to run `npm run synth`, got %v", err)
	}
	t.Log(err)
}
