"""Live caption worker: the JSON-lines protocol of engines/python/whisper_worker.py (ready / result /
error, one request at a time), so engines/whisper-worker.ts hosts it, but tuned for short windows.

faster-whisper pads every window to 30 s of mel frames (`chunk_length` does not change that: the
encoder input is padded again), so a 2 s window costs as much as a 30 s one. CTranslate2's Whisper
encoder accepts fewer frames (it slices its positional embedding), so this worker encodes the window
plus `pad_sec` of silence, at least `min_sec` in all, and decodes greedily without timestamps (no
word-alignment pass). Below ~10 s of context the decoder loops or drops words on spontaneous speech
(testdata mfa clips, tiny.en: mean WER 0.63 at 3 s, 0.45 at 6 s, 0.34 at 10 s, 0.30 at 30 s), and
10 s costs about a fifth of 30 s; bench/live.ts prints the numbers of the run.

  stdin   {"id": 1, "path": "/w.wav", "pad_sec": 1.0, "min_sec": 10.0, "prompt": "optional previous text"}
  stdout  {"id": 1, "type": "result", "duration": 2.1, "language": "en", "words": [[" word", 0, 0, 1], ...]}

Short windows sometimes send the decoder into a loop ("Thank you for the question Thank you for
the question ..."): the length cap bounds it and the caller cuts it (recognizer.ts cutRepeatLoop).
Words carry no times (the caller spreads them over the window's speech); only local model
directories are read and the Hugging Face client is forced offline.
"""
import os
import sys
import time

from worker_io import model_dir_or_none, send, serve_lines

FRAMES_PER_SEC = 100
MAX_FRAMES = 3000


def main():
    model_dir = model_dir_or_none()
    if model_dir is None:
        return 2
    threads = int(os.environ.get("WHISPER_THREADS", "1") or 1)
    t0 = time.monotonic()
    try:
        import ctranslate2
        import numpy as np
        from faster_whisper import WhisperModel
        from faster_whisper.audio import decode_audio
        from faster_whisper.tokenizer import Tokenizer

        model = WhisperModel(model_dir, device="cpu", compute_type=os.environ.get("WHISPER_COMPUTE_TYPE", "int8"),
                             cpu_threads=threads, local_files_only=True)
        tokenizer = Tokenizer(model.hf_tokenizer, model.model.is_multilingual, task="transcribe", language="en")
    except Exception as e:  # noqa: BLE001 - reported to the parent, which decides
        send({"type": "fatal", "message": f"{type(e).__name__}: {e}"})
        return 2
    send({"type": "ready", "model": model_dir, "load_sec": round(time.monotonic() - t0, 3)})

    def serve(req):
        audio = decode_audio(req["path"], sampling_rate=16000)
        feats = model.feature_extractor(audio, padding=0)
        n = feats.shape[-1]
        pad = int(float(req.get("pad_sec", 1.0)) * FRAMES_PER_SEC)
        min_frames = int(float(req.get("min_sec", 10.0)) * FRAMES_PER_SEC)
        frames = min(MAX_FRAMES, max(min_frames, -(-(n + pad) // FRAMES_PER_SEC) * FRAMES_PER_SEC))
        # What Whisper's own zero padding becomes after its log-mel normalisation: 2 below the maximum.
        x = np.full((1, feats.shape[0], frames), float(feats.max()) - 2.0 if n else -1.5, dtype=np.float32)
        k = min(n, frames)
        x[0, :, :k] = feats[:, :k]
        encoded = model.model.encode(ctranslate2.StorageView.from_array(x), to_cpu=False)
        prompt = list(tokenizer.sot_sequence) + [tokenizer.no_timestamps]
        if req.get("prompt"):
            prev = tokenizer.encode(" " + req["prompt"].strip())[-100:]
            prompt = [tokenizer.sot_prev] + prev + prompt
        res = model.model.generate(encoded, [prompt], beam_size=int(req.get("beam_size", 1)),
                                   # ~4 tokens a second of fast speech, with room: bounds a repetition loop.
                                   max_length=min(224, 16 + int(5 * n / FRAMES_PER_SEC) + len(prompt)),
                                   suppress_blank=True, suppress_tokens=[-1], return_no_speech_prob=True,
                                   return_scores=True)[0]
        text = tokenizer.decode([t for t in res.sequences_ids[0] if t < tokenizer.eot])
        # Whisper's own silence rule (its defaults, as faster-whisper applies them): a window it thinks
        # is not speech AND decoded with low confidence yields its favourite hallucinations ("Thank you.").
        # no_speech alone dropped 3 of 5 windows of a speaker with a cold (testdata mfa_cold_corpus).
        avg_logprob = float(res.scores[0]) if res.scores else 0.0
        if res.no_speech_prob > 0.6 and avg_logprob < -1.0:
            text = ""
        words = [[" " + w, 0.0, 0.0, 1.0] for w in text.split()]
        send({"id": req["id"], "type": "result", "duration": len(audio) / 16000, "language": "en", "words": words,
              "no_speech_prob": round(float(res.no_speech_prob), 3), "avg_logprob": round(avg_logprob, 3)})

    return serve_lines(serve)


if __name__ == "__main__":
    sys.exit(main())
