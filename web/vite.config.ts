/** @module web/vite.config — builds the UI into web/dist; the graph (sigma) and the charts (echarts) load as their own chunks. */
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  plugins: [react()],
  // The page refers to its entry from the site's root; the scripts and styles find each other relative to
  // themselves, so `stackatlas build-site --base /sub/` only rewrites index.html to host the UI under a path.
  experimental: {
    renderBuiltUrl: (file, { hostType }) => (hostType === "html" ? `/${file}` : { relative: true }),
  },
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
