"""Long-lived faster-whisper worker for services/media/engines/whisper.ts.

Loads one CTranslate2 Whisper model once, then serves requests as JSON lines over stdio:

  stdin   {"id": 1, "path": "/x.wav", "initial_prompt": "...", "hotwords": "...", "beam_size": 5, "seed": 0, ...}
          (optional "clip_timestamps": [start, end, ...] s: decode only those stretches, times stay the file's)
          {"id": 2, "op": "hesitations", "path": "/x.wav", "regions": [[start, end, cut], ...]}
                  (result: "hesitations": [[start, end, "um"|"uh", score], ...]; see hesitations.py)
  stdout  {"type": "ready", "model": "...", "load_sec": 0.8}                       once, at start
          {"id": 1, "type": "progress", "fraction": 0.42}                           0..n per request
          {"id": 1, "type": "result", "duration": 11.0, "language": "en", "words": [[text, start, end, p], ...]}
          {"id": 1, "type": "error", "message": "..."}

One request at a time (the TypeScript side queues). Cancellation is by ending the process: the
decoder is native code that cannot be interrupted between tokens, and a respawn costs < 1 s.
Only local model directories are accepted, and the Hugging Face client is forced offline, so this
process never reaches the network.
"""
import os
import sys
import time

from worker_io import model_dir_or_none, send, serve_lines


def main():
    model_dir = model_dir_or_none()
    if model_dir is None:
        return 2
    threads = int(os.environ.get("WHISPER_THREADS", "0") or 0)
    compute_type = os.environ.get("WHISPER_COMPUTE_TYPE", "int8")
    t0 = time.monotonic()
    try:
        from faster_whisper import WhisperModel

        model = WhisperModel(model_dir, device="cpu", compute_type=compute_type, cpu_threads=threads, local_files_only=True)
    except Exception as e:  # noqa: BLE001 - reported to the parent, which decides
        send({"type": "fatal", "message": f"{type(e).__name__}: {e}"})
        return 2
    send({"type": "ready", "model": model_dir, "load_sec": round(time.monotonic() - t0, 3)})

    return serve_lines(lambda req: serve_hesitations(req) if req.get("op") == "hesitations" else serve(model, req))


def serve(model, req):
    rid = req["id"]
    # Temperature fallback (hard clips only) samples. A fixed seed makes a fresh worker's first
    # answer reproducible; later calls of one process can still differ on such clips.
    import ctranslate2

    ctranslate2.set_random_seed(int(req.get("seed", os.environ.get("WHISPER_SEED", "0"))))
    segments, info = model.transcribe(
        req["path"],
        language=req.get("language") or None,
        task="transcribe",
        beam_size=int(req.get("beam_size", 5)),
        initial_prompt=req.get("initial_prompt") or None,
        hotwords=req.get("hotwords") or None,
        condition_on_previous_text=bool(req.get("condition_on_previous_text", True)),
        word_timestamps=True,
        vad_filter=bool(req.get("vad_filter", False)),
        temperature=req.get("temperature", [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        clip_timestamps=req.get("clip_timestamps") or "0",
    )
    duration = float(info.duration) or 1.0
    words = []
    last = 0.0
    for seg in segments:  # a generator: decoding happens as it is consumed
        for w in seg.words or []:
            words.append([w.word, round(float(w.start), 3), round(float(w.end), 3), round(float(w.probability), 4)])
        if seg.end > last:
            last = seg.end
            send({"id": rid, "type": "progress", "fraction": min(1.0, last / duration)})
    send({"id": rid, "type": "result", "duration": float(info.duration), "language": info.language, "words": words})


def serve_hesitations(req):
    """Filled pauses heard inside the given regions (hesitations.py); no model involved."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import hesitations

    found = hesitations.detect_file(req["path"], req.get("regions") or [])
    send({"id": req["id"], "type": "result", "duration": 0.0, "language": "", "words": [], "hesitations": found})


if __name__ == "__main__":
    sys.exit(main())
