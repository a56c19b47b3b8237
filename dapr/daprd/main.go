// daprd: the real Dapr runtime (github.com/dapr/dapr/cmd/daprd/app). Dapr's component registry
// refuses to start without a component build tag, so scripts/dapr-build.sh builds this with
// `-tags stablecomponents` (every stable component of that release registers itself).
package main

import "github.com/dapr/dapr/cmd/daprd/app"

func main() {
	app.Run()
}
