"""Offline speaker diarization for services/media/diarization/diarizer.ts, without PyTorch.

  python diarize.py <16 kHz mono s16le wav> [--speakers 1|2|3+|auto]
  stdout: one JSON object (see `diarize`), or {"error": "..."} with exit code 2.

Pipeline (ARCHITECTURE §3, issue 15):
  1. Voice activity: Silero VAD v6 (ONNX, run by onnxruntime), the copy that faster-whisper ships in
     its wheel (faster_whisper/assets/silero_vad_v6.onnx), so it adds nothing to the install.
  2. Speaker embeddings on ~1.5 s windows: Resemblyzer's voice encoder (GE2E d-vectors; 40-band
     mel, 3-layer LSTM 256, linear 256 + ReLU, L2 norm). Its weights (pretrained.pt) ship inside
     the Resemblyzer wheel, installed with --no-deps: the file is read here with a restricted
     unpickler (legacy torch serialisation: a few pickles then raw storages) and the forward pass
     is plain numpy. The package itself (which imports torch) is never imported.
  3. Clustering: spectral clustering of the window embeddings (pruned cosine affinity, normalised
     Laplacian), refined by spherical k-means, with the speaker count the user gave. `auto` decides
     one voice or two from how far apart the two best clusters are.
  4. Frame labels (10 ms) from the windows covering each frame, short flips smoothed away, turns
     out.
"""
import json
import os
import pickle
import struct
import sys
import time
import wave
from importlib.util import find_spec

if __name__ == "__main__" and "--threads" in sys.argv[:-1]:
    # BLAS reads these when numpy loads, so they are set before the import below.
    _n = sys.argv[sys.argv.index("--threads") + 1]
    for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[_var] = _n

import numpy as np  # noqa: E402

SR = 16000
HOP = 160  # 10 ms mel hop, as Resemblyzer
N_FFT = 400  # 25 ms window
N_MELS = 40
WIN_FRAMES = 150  # 1.5 s embedding windows
STEP_FRAMES = 50  # every 0.5 s (frames are scored by centre-weighted windows, so turns are finer)
MIN_WIN_FRAMES = 40  # regions shorter than 0.4 s get no window of their own
VAD_FRAME = 512  # Silero's 32 ms frame at 16 kHz

# --- Auto count and doubt thresholds, measured on the shared clips (README "Diarization"). ---
# Centroid cosine of the two clusters a 2-way split finds. One speaker's own variation spans
# 0.78-0.94 on the single-voice clips; mfa_two_speakers (one man, recorded twice) is 0.65-0.66;
# the pyannote dialogue is 0.88, inside the one-voice range: embeddings alone cannot count similar
# voices, so `auto` only answers "two" for clearly different ones (below the midpoint of the two
# nearest observed values, 0.66 and 0.78) and otherwise keeps one voice. The user's count (`2`,
# `3+`) is what reliably separates similar voices.
AUTO_TWO_VOICES_COS = 0.72
# ... and each of the two voices must hold this much speech (a cough or a crowd is not a person).
AUTO_MIN_VOICE_SEC = 5.0
# A window is "clearly" one speaker's when it is this much closer to its centroid than to any other.
CLEAR_MARGIN = 0.05
# A speaker whose windows are clearly theirs less often than this is doubtful (a note says so).
DOUBTFUL_CONFIDENCE = 0.6
# A speaker's own pauses up to this long stay inside their turn.
FILL_GAP_SEC = 1.0
# Two-way splits: another split replaces the spectral one only when its voices are this much
# further apart (centroid cosine), and each side holds at least this share of the windows.
BETTER_SPLIT_COS = 0.05
MIN_SIDE_SHARE = 0.05


# ----------------------------------------------------------------------------- weights

_TORCH_DTYPES = {"FloatStorage": np.float32, "DoubleStorage": np.float64, "HalfStorage": np.float16, "LongStorage": np.int64, "IntStorage": np.int32}
_LEGACY_MAGIC = 0x1950A86A20F9469CFC6C


class _StorageType:
    def __init__(self, name):
        self.name = name


class _TensorRef:
    def __init__(self, storage, offset, size, stride):
        self.storage, self.offset, self.size, self.stride = storage, offset, tuple(size), tuple(stride)


def _rebuild_tensor_v2(storage, offset, size, stride, *_rest):
    return _TensorRef(storage, offset, size, stride)


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        raise pickle.UnpicklingError(f"refused global {module}.{name}")


class _TorchUnpickler(pickle.Unpickler):
    """Rebuilds only dicts, tensors and storages; any other global is refused (no code runs)."""

    def __init__(self, f, storage_types):
        super().__init__(f)
        self.storage_types = storage_types

    def find_class(self, module, name):
        import collections

        if (module, name) == ("collections", "OrderedDict"):
            return collections.OrderedDict
        if (module, name) == ("torch._utils", "_rebuild_tensor_v2"):
            return _rebuild_tensor_v2
        if module == "torch" and name in _TORCH_DTYPES:
            return _StorageType(name)
        raise pickle.UnpicklingError(f"refused global {module}.{name}")

    def persistent_load(self, pid):
        kind, storage_type, key = pid[0], pid[1], pid[2]
        if kind != "storage":
            raise pickle.UnpicklingError(f"unexpected persistent id {kind}")
        self.storage_types.setdefault(key, storage_type.name)
        return key


def load_torch_legacy(path):
    """{name: np.ndarray} of a legacy (pre-1.6, non-zip) torch checkpoint's `model_state`."""
    with open(path, "rb") as f:
        if _PlainUnpickler(f).load() != _LEGACY_MAGIC:
            raise ValueError(f"{path} is not a legacy torch checkpoint")
        _PlainUnpickler(f).load()  # protocol version
        _PlainUnpickler(f).load()  # sys info
        types = {}
        obj = _TorchUnpickler(f, types).load()
        keys = _PlainUnpickler(f).load()
        storages = {}
        for key in keys:
            (count,) = struct.unpack("<q", f.read(8))
            dt = np.dtype(_TORCH_DTYPES[types[key]])
            storages[key] = np.frombuffer(f.read(count * dt.itemsize), dtype=dt)
    out = {}
    for name, t in obj["model_state"].items():
        base = storages[t.storage]
        item = base.itemsize
        view = np.lib.stride_tricks.as_strided(base[t.offset:], shape=t.size, strides=[s * item for s in t.stride])
        out[name] = np.array(view, dtype=np.float32)
    return out


def encoder_weights_path():
    spec = find_spec("resemblyzer")  # locates the package without importing it (it imports torch)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("resemblyzer is not installed: run scripts/setup-whisper.sh")
    return os.path.join(list(spec.submodule_search_locations)[0], "pretrained.pt")


def vad_model_path():
    spec = find_spec("faster_whisper")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("faster-whisper is not installed: run scripts/setup-whisper.sh")
    return os.path.join(list(spec.submodule_search_locations)[0], "assets", "silero_vad_v6.onnx")


# ----------------------------------------------------------------------------- features


def _hz_to_mel(f):
    f = np.asarray(f, dtype=np.float64)
    mel = f / (200.0 / 3)
    logstep = np.log(6.4) / 27.0
    return np.where(f >= 1000.0, 15.0 + np.log(np.maximum(f, 1e-10) / 1000.0) / logstep, mel)


def _mel_to_hz(m):
    m = np.asarray(m, dtype=np.float64)
    logstep = np.log(6.4) / 27.0
    return np.where(m >= 15.0, 1000.0 * np.exp(logstep * (m - 15.0)), (200.0 / 3) * m)


def mel_filterbank(sr=SR, n_fft=N_FFT, n_mels=N_MELS):
    """librosa.filters.mel(sr, n_fft, n_mels) defaults: Slaney mel scale and area normalisation."""
    fft_freqs = np.linspace(0, sr / 2, 1 + n_fft // 2)
    mel_f = _mel_to_hz(np.linspace(_hz_to_mel(0.0), _hz_to_mel(sr / 2), n_mels + 2))
    fdiff = np.diff(mel_f)
    ramps = mel_f[:, None] - fft_freqs[None, :]
    w = np.zeros((n_mels, len(fft_freqs)))
    for i in range(n_mels):
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]
        w[i] = np.maximum(0, np.minimum(lower, upper))
    w *= (2.0 / (mel_f[2 : n_mels + 2] - mel_f[:n_mels]))[:, None]
    return w.astype(np.float32)


def mel_spectrogram(wav, block=6000):
    """(frames, 40) power mel spectrogram as Resemblyzer's (librosa melspectrogram, centred frames),
    computed `block` frames at a time so a long recording never holds every frame's FFT at once."""
    pad = N_FFT // 2
    x = np.pad(wav, (pad, pad))
    n = 1 + (len(x) - N_FFT) // HOP
    window = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N_FFT) / N_FFT)).astype(np.float32)  # periodic Hann
    fb = mel_filterbank().T
    out = np.empty((n, N_MELS), np.float32)
    for a in range(0, n, block):
        b = min(n, a + block)
        idx = np.arange(N_FFT)[None, :] + HOP * np.arange(a, b)[:, None]
        spec = np.abs(np.fft.rfft(x[idx] * window, axis=1)) ** 2
        out[a:b] = spec.astype(np.float32) @ fb
    return out


def normalize_volume(wav, target_dbfs=-30.0):
    """Resemblyzer's normalize_volume(increase_only=True)."""
    rms = np.sqrt(np.mean((wav * 32767.0) ** 2)) + 1e-9
    change = target_dbfs - 20 * np.log10(rms / 32767.0)
    return wav if change < 0 else wav * (10 ** (change / 20))


class VoiceEncoder:
    def __init__(self, weights):
        self.w = weights

    def embed(self, mels):
        """(B, T, 40) → (B, 256) L2-normalised d-vectors: the final hidden state of the last LSTM layer."""
        x = mels
        b, t, _ = x.shape
        h = None
        for layer in range(3):
            wih, whh = self.w[f"lstm.weight_ih_l{layer}"], self.w[f"lstm.weight_hh_l{layer}"]
            bias = self.w[f"lstm.bias_ih_l{layer}"] + self.w[f"lstm.bias_hh_l{layer}"]
            hs = whh.shape[1]
            gx = x.reshape(b * t, -1) @ wih.T + bias  # input projection for every step at once
            gx = gx.reshape(b, t, 4 * hs)
            h = np.zeros((b, hs), np.float32)
            c = np.zeros((b, hs), np.float32)
            outs = np.empty((b, t, hs), np.float32) if layer < 2 else None
            whh_t = np.ascontiguousarray(whh.T)
            for step in range(t):
                g = gx[:, step] + h @ whh_t
                i = _sigmoid(g[:, :hs])
                f = _sigmoid(g[:, hs : 2 * hs])
                gg = np.tanh(g[:, 2 * hs : 3 * hs])
                o = _sigmoid(g[:, 3 * hs :])
                c = f * c + i * gg
                h = o * np.tanh(c)
                if outs is not None:
                    outs[:, step] = h
            if outs is not None:
                x = outs
        e = np.maximum(0, h @ self.w["linear.weight"].T + self.w["linear.bias"])
        return e / (np.linalg.norm(e, axis=1, keepdims=True) + 1e-9)


def _sigmoid(x):
    return 0.5 * (1.0 + np.tanh(0.5 * x))


# ----------------------------------------------------------------------------- voice activity


def _boxcar(x, n):
    c = np.cumsum(np.concatenate([[0.0], x.astype(np.float64)]))
    y = (c[n:] - c[:-n]) / n
    head = n // 2
    return np.concatenate([np.full(head, y[0]), y, np.full(len(x) - len(y) - head, y[-1])]).astype(np.float32)


def condition(wav, target_dbfs=-20.0, max_gain_db=30.0):
    """High-pass (~80 Hz: a twice-applied 12.5 ms moving average taken away) and level.

    Rumble below the voice band (air conditioning, handling noise) and a quiet recording both make
    Silero miss speech: on mfa_two_speakers_mono.wav the second voice sits 25 dB under a 40 Hz hum
    and was 0.5% detected before this, 65% after. The level is set from the loud 100 ms frames
    (90th percentile), so pauses do not count.
    """
    if len(wav) < 1000:
        return wav
    x = np.empty_like(wav)
    block, edge = 30 * SR, 1000  # in blocks, so a long recording's float64 sums stay small
    for a in range(0, len(wav), block):
        lo, hi = max(0, a - edge), min(len(wav), a + block + edge)
        part = wav[lo:hi]
        hp = part - _boxcar(_boxcar(part, 200), 200) if len(part) > 400 else part - part.mean()
        x[a : min(len(wav), a + block)] = hp[a - lo : a - lo + min(block, len(wav) - a)]
    frames = x[: len(x) // 1600 * 1600].reshape(-1, 1600)
    loud = np.percentile(np.sqrt(np.mean(frames**2, axis=1)) + 1e-9, 90) if len(frames) else 1e-9
    gain_db = min(max_gain_db, max(0.0, target_dbfs - 20 * np.log10(loud)))
    return np.clip(x * (10 ** (gain_db / 20)), -1, 1).astype(np.float32)


def speech_probabilities(wav):
    """Silero speech probability per 32 ms frame (faster-whisper's batched ONNX runner)."""
    import onnxruntime

    opts = onnxruntime.SessionOptions()
    opts.inter_op_num_threads = 1
    opts.intra_op_num_threads = 1
    opts.log_severity_level = 4
    sess = onnxruntime.InferenceSession(vad_model_path(), providers=["CPUExecutionProvider"], sess_options=opts)
    audio = np.pad(wav, (0, VAD_FRAME - len(wav) % VAD_FRAME)).astype(np.float32)
    frames = audio.reshape(-1, VAD_FRAME)
    context = np.concatenate([np.zeros((1, 64), np.float32), frames[:-1, -64:]])
    batch = np.concatenate([context, frames], 1)
    h = np.zeros((1, 1, 128), np.float32)
    c = np.zeros((1, 1, 128), np.float32)
    outs = []
    for i in range(0, len(batch), 2000):  # 64 s per run: onnxruntime's buffers stay small
        out, h, c = sess.run(None, {"input": batch[i : i + 2000], "h": h, "c": c})
        outs.append(out)
    return np.concatenate(outs).reshape(-1)


def speech_regions(probs, on=0.5, off=0.35, min_silence=0.2, min_speech=0.15, pad=0.05, duration=None):
    """Hysteresis over frame probabilities → [(start s, end s)], gaps under `min_silence` closed."""
    fs = VAD_FRAME / SR
    regions = []
    active, start = False, 0
    for i, p in enumerate(probs):
        if not active and p >= on:
            active, start = True, i
        elif active and p < off:
            active = False
            regions.append([start * fs, i * fs])
    if active:
        regions.append([start * fs, len(probs) * fs])
    merged = []
    for s, e in regions:
        if merged and s - merged[-1][1] < min_silence:
            merged[-1][1] = e
        else:
            merged.append([s, e])
    end = duration if duration is not None else len(probs) * fs
    out = []
    for s, e in merged:
        if e - s < min_speech:
            continue
        out.append([max(0.0, s - pad), min(end, e + pad)])
    # padding may make neighbours touch
    final = []
    for s, e in out:
        if final and s <= final[-1][1]:
            final[-1][1] = max(final[-1][1], e)
        else:
            final.append([s, e])
    return final


# ----------------------------------------------------------------------------- clustering


def _spherical_kmeans(x, labels, k, iters=20):
    for _ in range(iters):
        cents = np.stack([_unit(x[labels == j].mean(0)) if np.any(labels == j) else x[np.random.randint(len(x))] for j in range(k)])
        new = np.argmax(x @ cents.T, axis=1)
        if np.array_equal(new, labels):
            break
        labels = new
    cents = np.stack([_unit(x[labels == j].mean(0)) if np.any(labels == j) else np.zeros(x.shape[1]) for j in range(k)])
    return labels, cents


def _unit(v):
    return v / (np.linalg.norm(v) + 1e-9)


def _kmeans_pp(x, k, rng, restarts=8):
    best, best_score = None, -np.inf
    for _ in range(restarts):
        idx = [rng.integers(len(x))]
        for _ in range(1, k):
            d = 1 - np.max(x @ x[idx].T, axis=1)
            d = np.maximum(d, 0) ** 2
            idx.append(rng.choice(len(x), p=d / d.sum()) if d.sum() > 0 else rng.integers(len(x)))
        labels = np.argmax(x @ x[idx].T, axis=1)
        for _ in range(30):
            cents = np.stack([x[labels == j].mean(0) if np.any(labels == j) else x[rng.integers(len(x))] for j in range(k)])
            cents /= np.linalg.norm(cents, axis=1, keepdims=True) + 1e-9
            new = np.argmax(x @ cents.T, axis=1)
            if np.array_equal(new, labels):
                break
            labels = new
        score = np.sum(np.max(x @ cents.T, axis=1))
        if score > best_score:
            best, best_score = labels, score
    return best


def spectral_embedding(emb, k_max):
    """Eigenvectors (largest first) and eigenvalues of the normalised affinity of cosine similarities."""
    sim = emb @ emb.T
    n = len(sim)
    # Row-wise pruning (Wang et al. 2018): keep each row's strongest links, then symmetrise.
    keep = max(2, int(round(n * 0.3)))
    aff = np.zeros_like(sim)
    order = np.argsort(-sim, axis=1)[:, :keep]
    rows = np.arange(n)[:, None]
    aff[rows, order] = np.maximum(sim[rows, order], 0)
    aff = np.maximum(aff, aff.T)
    np.fill_diagonal(aff, 0)
    d = aff.sum(1) + 1e-9
    norm = aff / np.sqrt(d)[:, None] / np.sqrt(d)[None, :]
    vals, vecs = np.linalg.eigh(norm)
    order = np.argsort(-vals)[: max(k_max, 2) + 1]
    return vals[order], vecs[:, order]


def cluster(emb, k, rng):
    """Labels for `k` speakers (k ≥ 2): spectral clustering, refined by spherical k-means."""
    if len(emb) <= k:
        return np.arange(len(emb)) % k
    _, vecs = spectral_embedding(emb, k)
    v = vecs[:, :k]
    v = v / (np.linalg.norm(v, axis=1, keepdims=True) + 1e-9)
    labels = _kmeans_pp(v, k, rng)
    labels, _ = _spherical_kmeans(emb, labels, k)
    return _most_distinct_split(emb, labels, rng) if k == 2 else labels


def _max_centroid_cos(emb, labels, k):
    _, cents = _spherical_kmeans(emb, labels, k)
    return max(float(cents[i] @ cents[j]) for i in range(k) for j in range(i + 1, k))


def _most_distinct_split(emb, labels, rng, restarts=8):
    """The two-way split whose voices differ most, when it clearly beats the spectral one.

    Spectral clustering (pruned to each window's strongest 30% of links) and k-means both favour
    halves of similar size. When one voice holds ~10% of the speech (an interviewer asking short
    questions) and the other varies (one person recorded on two days), they can split the varied
    voice in two and put the short one with a half. Spherical k-means from k-means++ seeds on the
    raw embeddings also reaches the split that isolates the short voice; it is taken when its
    centroids are clearly further apart."""
    min_side = max(4, int(np.ceil(MIN_SIDE_SHARE * len(emb))))
    best, best_cos = labels, _max_centroid_cos(emb, labels, 2)
    base_cos = best_cos
    for _ in range(restarts):
        cand, _ = _spherical_kmeans(emb, _kmeans_pp(emb, 2, rng, restarts=1), 2)
        if np.bincount(cand, minlength=2).min() < min_side:
            continue
        c = _max_centroid_cos(emb, cand, 2)
        if c < best_cos:
            best, best_cos = cand, c
    return best if best_cos <= base_cos - BETTER_SPLIT_COS else labels


def choose_panel_k(emb, lo=3, hi=7):
    """Eigengap choice of the speaker count in [lo, hi] (for `3+`)."""
    hi = max(lo, min(hi, len(emb) - 1))
    vals, _ = spectral_embedding(emb, hi)
    gaps = [vals[k - 1] - vals[k] for k in range(lo, min(hi, len(vals) - 1) + 1)]
    return lo + int(np.argmax(gaps)) if gaps else lo


# ----------------------------------------------------------------------------- the whole thing


def read_wav(path):
    with wave.open(path, "rb") as w:
        if w.getsampwidth() != 2:
            raise ValueError("need 16-bit PCM")
        rate, ch = w.getframerate(), w.getnchannels()
        data = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float32) / 32768.0
    if ch > 1:
        data = data.reshape(-1, ch).mean(1)
    if rate != SR:
        raise ValueError(f"need {SR} Hz audio, got {rate}")
    return data


def windows_for(regions, n_frames):
    """Embedding windows [(start frame, end frame)] over speech regions (10 ms frames)."""
    out = []
    for s, e in regions:
        a, b = int(round(s * 100)), min(n_frames, int(round(e * 100)))
        if b - a < MIN_WIN_FRAMES:
            continue
        if b - a <= WIN_FRAMES:
            out.append((a, b))
            continue
        starts = list(range(a, b - WIN_FRAMES + 1, STEP_FRAMES))
        if starts[-1] + WIN_FRAMES < b:
            starts.append(b - WIN_FRAMES)
        out.extend((x, x + WIN_FRAMES) for x in starts)
    return out


def embed_windows(encoder, mel, wins):
    """Embeddings of every window, batched by length (the LSTM's last state depends on it)."""
    emb = np.zeros((len(wins), 256), np.float32)
    by_len = {}
    for i, (a, b) in enumerate(wins):
        by_len.setdefault(b - a, []).append(i)
    for length, idx in by_len.items():
        for j in range(0, len(idx), 64):  # 64 windows: the gate buffers stay ~40 MB
            part = idx[j : j + 64]
            emb[part] = encoder.embed(np.stack([mel[wins[i][0] : wins[i][1]] for i in part]))
    return emb


def diarize(path, speakers="auto", seed=0):
    t0 = time.monotonic()
    wav = read_wav(path)
    duration = len(wav) / SR
    conditioned = condition(wav)
    probs = speech_probabilities(conditioned)
    regions = speech_regions(probs, duration=duration)
    t_vad = time.monotonic()
    speech_sec = sum(e - s for s, e in regions)
    result = {"duration": duration, "speech": [[round(s, 3), round(e, 3)] for s, e in regions], "requested": speakers}
    if speakers == "1" or not regions:
        return _single(result, regions, t0)

    mel = mel_spectrogram(normalize_volume(wav))
    wins = windows_for(regions, len(mel))
    if len(wins) < 2:
        return _single(result, regions, t0)
    encoder = VoiceEncoder(load_torch_legacy(encoder_weights_path()))
    emb = embed_windows(encoder, mel, wins)
    t_emb = time.monotonic()

    rng = np.random.default_rng(seed)
    full = np.array([b - a >= 100 for a, b in wins])  # ≥ 1 s windows define the voices
    basis = emb[full] if full.sum() >= 4 else emb
    # Long recordings: cluster a spread-out subset (eigh is cubic), then assign every window.
    if len(basis) > 1500:
        basis = basis[np.linspace(0, len(basis) - 1, 1500).astype(int)]

    if speakers == "3+":
        k = choose_panel_k(basis)
    else:
        k = 2
    labels = cluster(basis, k, rng)
    _, cents = _spherical_kmeans(basis, labels, k)
    pair_cos = max(float(cents[i] @ cents[j]) for i in range(k) for j in range(i + 1, k))
    result["separation"] = {"max_centroid_cos": round(pair_cos, 4)}
    if speakers == "auto" and pair_cos > AUTO_TWO_VOICES_COS:
        result["auto"] = "one_voice"
        return _single(result, regions, t0)

    # Every window scored against every voice; frames take the voice their windows favour.
    sims = emb @ cents.T  # (windows, k)
    n_frames = max(int(np.ceil(duration * 100)), len(mel))
    score = np.zeros((n_frames, k), np.float32)
    for (a, b), s in zip(wins, sims):
        # centre-weighted: a window speaks mostly for the frames in its middle
        tri = 1.0 - np.abs(np.arange(a, b) - (a + b - 1) / 2) / ((b - a) / 2 + 1)
        score[a:b] += np.outer(tri, s - s.mean())
    frame_label = np.argmax(score, axis=1)
    covered = np.any(score != 0, axis=1)

    turns = []
    for s, e in regions:
        a, b = int(round(s * 100)), min(n_frames, int(round(e * 100)))
        if b <= a:
            continue
        lab = frame_label[a:b].copy()
        if not covered[a:b].any():
            # a short burst with no window of its own: the voice of the nearest window in time
            centre = (a + b) / 2
            nearest = int(np.argmin([min(abs(centre - x), abs(centre - y)) for x, y in wins]))
            lab[:] = int(np.argmax(sims[nearest]))
        else:
            lab[~covered[a:b]] = np.bincount(lab[covered[a:b]], minlength=k).argmax()
        lab = _smooth(lab, min_run=30)
        start = 0
        for i in range(1, len(lab) + 1):
            if i == len(lab) or lab[i] != lab[start]:
                turns.append([round((a + start) / 100, 2), round((a + i) / 100, 2), int(lab[start])])
                start = i

    turns = _close_gaps(turns, max_gap=FILL_GAP_SEC)

    # Per speaker: seconds and the share of their windows clearly closer to their own voice.
    margins = np.sort(sims, axis=1)
    margin = margins[:, -1] - (margins[:, -2] if k > 1 else 0)
    win_label = np.argmax(sims, axis=1)
    seconds = np.zeros(k)
    for s, e, lab in turns:
        seconds[lab] += e - s
    # Label speakers by who speaks first, so "spk_0" is the first voice heard.
    first = {}
    for s, e, lab in turns:
        first.setdefault(lab, s)
    order = sorted(range(k), key=lambda j: first.get(j, 1e9))
    rename = {old: new for new, old in enumerate(order)}
    spk = []
    for old in order:
        mine = win_label == old
        conf = float(np.mean(margin[mine] > CLEAR_MARGIN)) if mine.any() else 0.0
        spk.append({"label": f"spk_{rename[old]}", "seconds": round(float(seconds[old]), 2), "confidence": round(conf, 3), "windows": int(mine.sum())})
    if speakers == "auto" and min(seconds) < AUTO_MIN_VOICE_SEC:
        result["auto"] = "one_voice"
        return _single(result, regions, t0)
    if speakers == "auto":
        result["auto"] = "two_voices"
    result["turns"] = [[s, e, f"spk_{rename[lab]}"] for s, e, lab in turns]
    result["speakers"] = [x for x in spk if x["seconds"] > 0]
    result["count"] = len(result["speakers"])
    result["separation"]["mean_margin"] = round(float(np.mean(margin)), 4)
    sub = np.linspace(0, len(emb) - 1, min(len(emb), 1500)).astype(int)  # silhouette is quadratic
    result["separation"]["silhouette"] = round(_silhouette(emb[sub], win_label[sub]), 4)
    result["doubtful"] = [x["label"] for x in result["speakers"] if x["confidence"] < DOUBTFUL_CONFIDENCE]
    result["timing"] = {
        "vad_sec": round(t_vad - t0, 3),
        "embed_sec": round(t_emb - t_vad, 3),
        "total_sec": round(time.monotonic() - t0, 3),
        "cpu_sec": round(time.process_time(), 3),  # the whole process, every thread, imports included
        "speech_sec": round(speech_sec, 2),
    }
    return result


def _single(result, regions, t0):
    result["turns"] = [[round(s, 2), round(e, 2), "spk_0"] for s, e in regions]
    result["speakers"] = [{"label": "spk_0", "seconds": round(sum(e - s for s, e in regions), 2), "confidence": 1.0}] if regions else []
    result["count"] = len(result["speakers"])
    result["doubtful"] = []
    result["timing"] = {"total_sec": round(time.monotonic() - t0, 3), "cpu_sec": round(time.process_time(), 3)}
    return result


def _close_gaps(turns, max_gap):
    """One speaker's pauses shorter than `max_gap` belong to their turn (as reference RTTMs mark)."""
    out = []
    for s, e, lab in turns:
        if out and out[-1][2] == lab and s - out[-1][1] <= max_gap:
            out[-1][1] = e
        else:
            out.append([s, e, lab])
    return out


def _smooth(lab, min_run):
    """Runs shorter than `min_run` frames take the label of their longer neighbour."""
    lab = lab.copy()
    changed = True
    while changed:
        changed = False
        cuts = np.flatnonzero(np.diff(lab)) + 1
        edges = np.concatenate([[0], cuts, [len(lab)]])
        runs = list(zip(edges[:-1].tolist(), edges[1:].tolist()))
        if len(runs) < 2:
            break
        shortest = min(range(len(runs)), key=lambda r: runs[r][1] - runs[r][0])
        s, e = runs[shortest]
        if e - s >= min_run:
            break
        left = runs[shortest - 1] if shortest > 0 else None
        right = runs[shortest + 1] if shortest + 1 < len(runs) else None
        nb = max([r for r in (left, right) if r], key=lambda r: r[1] - r[0])
        lab[s:e] = lab[nb[0]]
        changed = True
    return lab


def _silhouette(emb, labels):
    ks = np.unique(labels)
    if len(ks) < 2:
        return 0.0
    dist = 1 - emb @ emb.T
    s = []
    for i in range(len(emb)):
        own = labels == labels[i]
        if own.sum() < 2:
            s.append(0.0)
            continue
        a = dist[i, own].sum() / (own.sum() - 1)
        b = min(dist[i, labels == k].mean() for k in ks if k != labels[i])
        s.append((b - a) / max(a, b, 1e-9))
    return float(np.mean(s))


def main(argv):
    args = argv[1:]
    speakers = "auto"
    if "--threads" in args:
        i = args.index("--threads")
        del args[i : i + 2]
    if "--speakers" in args:
        i = args.index("--speakers")
        speakers = args[i + 1]
        del args[i : i + 2]
    if len(args) != 1 or speakers not in ("1", "2", "3+", "auto"):
        sys.stdout.write(json.dumps({"error": "usage: diarize.py <wav> [--speakers 1|2|3+|auto]"}) + "\n")
        return 2
    try:
        res = diarize(args[0], speakers)
    except Exception as e:  # noqa: BLE001 - reported to the parent
        sys.stdout.write(json.dumps({"error": f"{type(e).__name__}: {e}"}) + "\n")
        return 2
    sys.stdout.write(json.dumps(res, separators=(",", ":")) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
