"""What the long-lived model workers (whisper_worker.py, live_whisper.py) share: JSON lines out, and
the local model directory they refuse to start without (nothing is downloaded at run time)."""
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
