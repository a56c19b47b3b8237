"""Filled pauses ("um", "uh") heard in the audio, inside the regions Whisper left without words.

Used by whisper_worker.py (request {"op": "hesitations", "path": ..., "regions": [[start, end, cut], ...]}).
The regions come from services/media/fillers/gaps.ts: the gaps between Whisper's words, extended into
words whose timing is longer than their text needs (Whisper stretches a word over a hesitation next to
it). `cut` is 1 when the region starts inside such a stretched word.

A hesitation is a stretch of voice that is long and steady: one vowel or nasal held, with no consonant
transitions. Per 10 ms frame (40 ms window) this computes level, periodicity (normalised
autocorrelation at 70-400 Hz) and a 24-band log spectrum (100-5000 Hz); a candidate is a run of frames
loud enough to be speech, and it is kept when it is

  - at least MIN_SEC long,
  - voiced (median periodicity >= MIN_VOICING),
  - spectrally steady: the mean RMS distance of its frames from its median spectrum (STEADY_DB) and
    between frames 20 ms apart (FLUX_DB) are small,
  - not the held end of the previous word (a run that starts where a cut region starts is dropped).

Thresholds were set on the shared testdata clips (npm run eval -- --only hesitations prints the
result). Only numpy; no model, no network.
"""
import wave

import numpy as np

SR = 16000
HOP = 160  # 10 ms
WIN = 640  # 40 ms: two periods of a 70 Hz creaky voice
MIN_SEC = 0.2
MIN_VOICING = 0.45
STEADY_DB = 3.0
FLUX_DB = 3.4
# A run must be this far above the recording's quiet level and no more than this below its loud level.
ABOVE_FLOOR_DB = 6.0
BELOW_PEAK_DB = 30.0
BRIDGE_FRAMES = 3  # dips of up to 30 ms do not split a run
CUT_EDGE_SEC = 0.03


def load_wav(path):
    with wave.open(path) as w:
        if w.getsampwidth() != 2:
            raise ValueError("hesitations: 16-bit PCM WAV expected")
        ch = w.getnchannels()
        x = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float32) / 32768.0
        sr = w.getframerate()
    if ch > 1:
        x = x.reshape(-1, ch).mean(axis=1)
    if sr != SR:
        raise ValueError(f"hesitations: {SR} Hz audio expected, got {sr}")
    return x


def _frames(x):
    n = 1 + max(0, (len(x) - WIN) // HOP)
    if len(x) < WIN:
        x = np.pad(x, (0, WIN - len(x)))
    idx = np.arange(WIN)[None, :] + HOP * np.arange(n)[:, None]
    f = x[idx]
    return f - f.mean(axis=1, keepdims=True)


_EDGES = np.geomspace(100, 5000, 25)
_FREQS = np.fft.rfftfreq(1024, 1 / SR)
_BANDS = [(_FREQS >= _EDGES[i]) & (_FREQS < _EDGES[i + 1]) for i in range(24)]


def frame_features(x):
    """Per frame: time of its centre, level dB, periodicity 0..1, 24 log band energies dB."""
    f = _frames(x)
    rms = 10 * np.log10((f**2).mean(axis=1) + 1e-10)
    spec = np.abs(np.fft.rfft(f * np.hanning(WIN), n=1024)) ** 2
    bands = 10 * np.log10(np.stack([spec[:, b].sum(axis=1) for b in _BANDS], axis=1) + 1e-10)
    ac = np.fft.irfft(np.abs(np.fft.rfft(f, n=2048)) ** 2, n=2048)[:, :WIN]
    lo, hi = SR // 400, SR // 70
    norm = ac[:, lo:hi] / (ac[:, :1] + 1e-12) * (WIN / (WIN - np.arange(lo, hi)))[None, :]
    voicing = np.clip(norm.max(axis=1), 0, 1)
    t = (np.arange(len(f)) * HOP + WIN / 2) / SR
    return t, rms, voicing, bands


def _runs(mask):
    """[i, j) index runs where mask holds, bridging dips of up to BRIDGE_FRAMES frames."""
    out, i, n = [], 0, len(mask)
    while i < n:
        if not mask[i]:
            i += 1
            continue
        j = i
        while j < n:
            if mask[j]:
                j += 1
                continue
            k = j
            while k < n and not mask[k] and k - j < BRIDGE_FRAMES:
                k += 1
            if k < n and mask[k]:
                j = k
            else:
                break
        out.append((i, j))
        i = j
    return out


def _kind(bands):
    """'um' when the run ends nasal (energy above ~600 Hz falls away against the low band), else 'uh'."""
    n = len(bands)
    hi = bands[:, 12:].mean(axis=1) - bands[:, :5].mean(axis=1)
    start, end = hi[: max(1, int(n * 0.4))].mean(), hi[int(n * 0.7):].mean()
    return "um" if start - end > 6.0 else "uh"


def detect(x, regions):
    """[[start, end, kind, score], ...] for each hesitation found inside the regions, in time order."""
    if len(x) == 0 or not regions:
        return []
    t, rms, voicing, bands = frame_features(x)
    floor, peak = np.percentile(rms, 10), np.percentile(rms, 95)
    loud = (rms > floor + ABOVE_FLOOR_DB) & (rms > peak - BELOW_PEAK_DB)
    found = []
    for reg in regions:
        a, b = float(reg[0]), float(reg[1])
        cut = bool(reg[2]) if len(reg) > 2 else False
        idx = np.where((t >= a) & (t < b))[0]
        if len(idx) == 0:
            continue
        for i, j in _runs(loud[idx]):
            seg = idx[i:j]
            if len(seg) * HOP / SR < MIN_SEC:
                continue
            s, e = float(t[seg[0]]) - HOP / SR / 2, float(t[seg[-1]]) + HOP / SR / 2
            if cut and s - a < CUT_EDGE_SEC:
                continue
            lb = bands[seg]
            trim = len(lb) // 10
            core = lb[trim: len(lb) - trim]
            steady = float(np.mean(np.sqrt(np.mean((core - np.median(core, axis=0)) ** 2, axis=1))))
            flux = float(np.mean(np.sqrt(np.mean((core[2:] - core[:-2]) ** 2, axis=1))))
            v = float(np.median(voicing[seg]))
            if v < MIN_VOICING or steady > STEADY_DB or flux > FLUX_DB:
                continue
            score = min(1.0, max(0.0, 1.0 - max(steady / STEADY_DB, flux / FLUX_DB) + 0.5))
            found.append([round(max(a, s), 3), round(min(b, e), 3), _kind(lb), round(score, 3)])
    found.sort(key=lambda h: h[0])
    return found


def detect_file(path, regions):
    return detect(load_wav(path), regions)
