/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev` proxies /api to a running `samkjop serve` (default 127.0.0.1:8080).
const apiTarget = process.env.SAMKJOP_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
    // Under Vitest only: tests may read the server's sources beside web/ (the error-code test reads
    // every code the server can send). The dev server keeps Vite's default (web/ only).
    ...(process.env.VITEST ? { fs: { allow: ['..'] } } : {}),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Inline nothing as data: URLs so a strict Content-Security-Policy (img-src/font-src 'self') holds.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: a separate, long-cached chunk each.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: 'designsystemet', test: /node_modules[\\/](@digdir|@floating-ui|@navikt|@radix-ui|@tanstack[\\/]react-virtual)/ },
            { name: 'vendor', test: /node_modules/ },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
  },
});
