/** tus `Upload-Metadata`: comma-separated "key base64value" pairs (tus 1.0, creation extension). */
import { AppError } from '../shared/errors.js';

export function parseUploadMetadata(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const pair of header.split(',')) {
    const [key, value, extra] = pair.trim().split(' ');
    if (!key || extra !== undefined || (value !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(value))) {
      throw new AppError('invalid_metadata', 'Upload-Metadata is malformed', 400);
    }
    out[key] = value ? Buffer.from(value, 'base64').toString('utf8') : '';
  }
  return out;
}
