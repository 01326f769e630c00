package simulation

import (
	"flag"
	"os"
	"testing"

	istiolog "istio.io/istio/pkg/log"
)

// TestMain quiets istiod's logging, which is verbose and mostly about the fake
// cluster; SIM_ISTIO_LOG=debug|info|warn|error turns it back on.
func TestMain(m *testing.M) {
	flag.Parse()
	level := map[string]istiolog.Level{
		"debug": istiolog.DebugLevel,
		"info":  istiolog.InfoLevel,
		"warn":  istiolog.WarnLevel,
		"error": istiolog.ErrorLevel,
	}[os.Getenv("SIM_ISTIO_LOG")] // unset or unknown: NoneLevel (0)
	for _, s := range istiolog.Scopes() {
		s.SetOutputLevel(level)
	}
	os.Exit(m.Run())
}
