/**
 * The API benchmark's baseline: a bare express app with one JSON route and nothing else, run as its
 * own process like the real server so both are measured the same way. Prints its port on stdout.
 */
import express from 'express';

const app = express();
app.get('/bare', (_req, res) => void res.json({ status: 'ok' }));
const server = app.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  console.log(typeof addr === 'object' && addr ? addr.port : '');
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
