// A lean daprd: the real Dapr runtime (github.com/dapr/dapr/cmd/daprd/app) with only the
// components Interview Buddy uses registered, so it builds in minutes instead of compiling all
// of components-contrib. Built by scripts/dapr-build.sh; the binaries stay outside git.
package main

import (
	"github.com/dapr/components-contrib/bindings/cron"
	"github.com/dapr/components-contrib/bindings/localstorage"
	"github.com/dapr/components-contrib/bindings/smtp"
	pubsubredis "github.com/dapr/components-contrib/pubsub/redis"
	"github.com/dapr/components-contrib/secretstores/local/env"
	stateredis "github.com/dapr/components-contrib/state/redis"
	"github.com/dapr/dapr/cmd/daprd/app"
	bindingsLoader "github.com/dapr/dapr/pkg/components/bindings"
	pubsubLoader "github.com/dapr/dapr/pkg/components/pubsub"
	secretstoresLoader "github.com/dapr/dapr/pkg/components/secretstores"
	stateLoader "github.com/dapr/dapr/pkg/components/state"
)

func main() {
	stateLoader.DefaultRegistry.RegisterComponent(stateredis.NewRedisStateStore, "redis")
	pubsubLoader.DefaultRegistry.RegisterComponent(pubsubredis.NewRedisStreams, "redis")
	bindingsLoader.DefaultRegistry.RegisterInputBinding(cron.NewCron, "cron")
	bindingsLoader.DefaultRegistry.RegisterOutputBinding(localstorage.NewLocalStorage, "localstorage")
	bindingsLoader.DefaultRegistry.RegisterOutputBinding(smtp.NewSMTP, "smtp")
	secretstoresLoader.DefaultRegistry.RegisterComponent(env.NewEnvSecretStore, "local.env")
	app.Run()
}
