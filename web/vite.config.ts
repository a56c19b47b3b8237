import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// The SPA is built into web/dist and served by the API (services/app.ts). `npm run web:dev` proxies
// the API, tus and socket.io to a server started with `npm start`.
const api = process.env.API_ORIGIN ?? 'http://localhost:8080';
export default defineConfig({
  root: import.meta.dirname,
  plugins: [solid()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
  server: {
    proxy: {
      '/api': api,
      '/files': api,
      '/config.json': api,
      '/socket.io': { target: api, ws: true },
    },
  },
});
