"""Loaded by Schemathesis (test/contract/schemathesis.toml): media types it cannot serialise itself."""
import schemathesis

# tus PATCH and creation-with-upload bodies are raw bytes: send them as application/octet-stream is sent.
schemathesis.serializer.alias("application/offset+octet-stream", "application/octet-stream")
