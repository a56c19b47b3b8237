"""What the long-lived model workers (whisper_worker.py, live_whisper.py) share: JSON lines out, and
the local model directory they refuse to start without (nothing is downloaded at run time), and the
request loop."""
import json
import os
import sys

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")


def send(msg):
    sys.stdout.write(json.dumps(msg, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def model_dir_or_none():
    """WHISPER_MODEL_DIR when it holds a CTranslate2 model; else reports `fatal` and returns None."""
    model_dir = os.environ["WHISPER_MODEL_DIR"]
    if not os.path.isfile(os.path.join(model_dir, "model.bin")):
        send({"type": "fatal", "message": f"no model.bin in {model_dir}"})
        return None
    return model_dir


def serve_lines(handle):
    """Reads one JSON request per stdin line until EOF and passes it to `handle`. A request that
    fails is answered with an `error` message carrying its id; the worker keeps serving. Returns 0."""
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        req = {}
        try:
            req = json.loads(line)
            handle(req)
        except Exception as e:  # noqa: BLE001 - reported to the parent, which decides
            send({"id": req.get("id") if isinstance(req, dict) else None, "type": "error", "message": f"{type(e).__name__}: {e}"})
    return 0
