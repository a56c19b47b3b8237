// daprd: the real Dapr runtime (github.com/dapr/dapr/cmd/daprd/app). Dapr's component registry
// refuses to start without a component build tag, so scripts/dapr-build.sh builds this with
// `-tags stablecomponents` (every stable component of that release registers itself). The SMTP
// output binding (email notifications) is still alpha in 1.14, so it is registered here by hand.
package main

import (
	"github.com/dapr/components-contrib/bindings/smtp"
	"github.com/dapr/dapr/cmd/daprd/app"
	bindingsLoader "github.com/dapr/dapr/pkg/components/bindings"
)

func init() {
	bindingsLoader.DefaultRegistry.RegisterOutputBinding(smtp.NewSMTP, "smtp")
}

func main() {
	app.Run()
}
