import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Maven (console/pom.xml) sets DHARMA_CONSOLE_OUT to the jar's classes directory; the platform
// serves that directory at / (ConsoleAutoConfiguration). `npm run dev` proxies the API to a local
// `./dharma up` on port 8080.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: process.env.DHARMA_CONSOLE_OUT ?? 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/oauth2': 'http://localhost:8080',
      '/login': 'http://localhost:8080',
      '/.well-known': 'http://localhost:8080',
    },
  },
});
