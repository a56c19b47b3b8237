/** Who spoke: the candidate is chosen automatically (who answers the questions) or by the user. */
import { z } from 'zod';

export const SpeakerSchema = z.strictObject({
  id: z.string(),
  name: z.string().optional(),
  role: z.enum(['candidate', 'interviewer']),
  talkSec: z.number().nonnegative(),
});

export type Speaker = z.infer<typeof SpeakerSchema>;
