import { z } from 'zod';

/**
 * The readiness score (report v3): one number for "how would raters judge this interview", from an
 * interpretable linear model over the report's own metrics, with how far to trust it. The weights
 * file (weights.json) and its validity come from `npm run train:readiness` on the MIT training split.
 */
export const ReadinessSchema = z.strictObject({
  score: z.number().min(0).max(100).describe('Predicted Overall rating mapped from the 1–7 scale to 0–100'),
  interval: z.tuple([z.number().min(0).max(100), z.number().min(0).max(100)]).describe('80% prediction interval, from the cross-validated error'),
  drivers: z
    .array(
      z.strictObject({
        metric: z.string().min(1).describe('Feature id, e.g. "wpm", "fillerRatio"'),
        label: z.string().min(1),
        value: z.number(),
        effect: z.number().describe('Score points this value adds (+) or takes away (−) against the average training interview'),
      }),
    )
    .describe('Every feature of the model, largest effect first'),
  model: z.strictObject({
    version: z.string().min(1),
    variant: z.enum(['timed', 'untimed']).describe('untimed: a transcript without times, so pace is not used'),
    trainedOn: z.string().min(1),
    validity: z.strictObject({
      r: z.number().min(-1).max(1).describe('Pearson r of the cross-validated prediction with the human Overall rating'),
      n: z.int().positive(),
      method: z.string().min(1),
    }),
  }),
  statement: z.string().min(1).describe('One plain sentence on how well the score agrees with human raters, and on what data'),
});

export type Readiness = z.infer<typeof ReadinessSchema>;
