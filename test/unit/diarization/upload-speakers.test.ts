/** The user's speaker count travels from the upload to the media stage's input (the actor's state). */
import { describe, expect, it } from '@jest/globals';
import { apply, inStatus, MEDIA } from '../actors/interview.fixtures.js';

describe('uploadCompleted carries the speaker count', () => {
  it('keeps it on the media the transcription stage reads', () => {
    const t = apply(inStatus('uploading'), { type: 'uploadCompleted', ...MEDIA, engine: 'local', speakers: '2' });
    expect(t.state.media).toEqual({ ...MEDIA, engine: 'local', speakers: '2' });
  });

  it('leaves it out when the upload did not say (the stage then uses auto)', () => {
    const t = apply(inStatus('uploading'), { type: 'uploadCompleted', ...MEDIA });
    expect(t.state.media).toEqual(MEDIA);
  });
});
