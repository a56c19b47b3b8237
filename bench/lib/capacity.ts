/**
 * Pure capacity arithmetic for the scale benchmark's extrapolation: how many pods each stage needs
 * at an upload rate, from throughputs measured on this machine. One pod = this machine's cores.
 */
export interface Throughputs {
  /** Seconds of audio one media pod transcribes per second (audio ÷ wall, decoders on every core). */
  transcribeSpeed: number;
  /** Seconds of local analysis per minute of transcript (one job per pod at a time: Node is one thread). */
  analysisSecPerMin: number;
  /** MB/s one server process accepted over tus (bench uploads-concurrent); absent = not computed. */
  uploadMBs?: number;
}

export interface UploadLoad {
  interviewsPerHour: number;
  avgMinutes: number;
  avgMB: number;
}

export interface StagePods {
  audioHoursPerHour: number;
  uploadMBsNeeded: number;
  media: number;
  analysis: number;
  upload?: number;
}

/** Pods per stage so that each runs at most `utilisation` busy (headroom for bursts and retries). */
export function podsPerStage(t: Throughputs, load: UploadLoad, utilisation = 0.7): StagePods {
  const audioHoursPerHour = (load.interviewsPerHour * load.avgMinutes) / 60;
  const uploadMBsNeeded = (load.interviewsPerHour * load.avgMB) / 3600;
  const pods = (busy: number) => Math.max(1, Math.ceil(busy / utilisation));
  return {
    audioHoursPerHour,
    uploadMBsNeeded,
    media: pods(audioHoursPerHour / t.transcribeSpeed),
    analysis: pods((load.interviewsPerHour * load.avgMinutes * t.analysisSecPerMin) / 3600),
    ...(t.uploadMBs !== undefined && { upload: pods(uploadMBsNeeded / t.uploadMBs) }),
  };
}
