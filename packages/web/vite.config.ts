import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // scripts/measure-bundle.mjs reads it to measure what each page loads first.
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // @rc-component/form declares no "sideEffects", so antd's Input (its form-item context imports one
      // name from the package's index) brought the whole of it (13 KB gzip) into every page with a text
      // field but no form. Its modules only define components and helpers. Every other module keeps the
      // default (its package's "sideEffects", else true); all of @rc-component so marked re-splits the
      // chunks and makes the pages with a form larger.
      treeshake: {
        moduleSideEffects: [{ test: /[\\/]node_modules[\\/]@rc-component[\\/]form[\\/]/, sideEffects: false }],
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/healthz': 'http://localhost:3000',
      '/readyz': 'http://localhost:3000',
    },
  },
});
