/** @module web/vite.config — builds the UI into web/dist; the graph (sigma) and the charts (echarts) load as their own chunks. */
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // The first paint needs only React and the shell; sigma and echarts are split out by dynamic import.
    chunkSizeWarningLimit: 700,
    reportCompressedSize: true,
  },
  server: {
    // `npm run dev:web` proxies the API to a `stackatlas serve` on 4173.
    proxy: { "/api": "http://127.0.0.1:4173" },
  },
});
