/** `DELETE /api/v1/me`: erase everything the caller has stored (privacy: "delete all my data"). */
import { Router } from 'express';
import { type EraseAccountDeps, eraseAccount } from '../account/erase-account.js';

export function accountRouter(deps: EraseAccountDeps): Router {
  const r = Router();
  r.delete('/me', async (req, res) => {
    const erased = await eraseAccount(req.user!.uid, deps);
    res.json({ erased });
  });
  return r;
}
