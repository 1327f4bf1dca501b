// Every command's table output fits the terminal: with COLUMNS=80 and COLUMNS=100, no printed line is
// wider than the terminal, in English and Chinese (a CJK character takes two columns).
import { resolve } from "node:path";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { runCli } from "./_cli.js";

const repo = resolve(import.meta.dirname, "..");
const ex = (name: string) => resolve(repo, "examples", name);

/** Realistic invocations of every command that prints a table or prose for people. */
const COMMANDS: readonly (readonly string[])[] = [
  ["validate"],
  ["list", "--level", "L-4"],
  ["list", "--scenario", "边缘计算"],
  ["show", "gvisor"],
  ["show", "kubernetes"],
  ["lookup", "(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)"],
  ["lookup", "(4, 2, 2, 2025, 1, edge, OTLP+eBPF)"],
  ["locate", "K3s + WasmEdge + Gatekeeper"],
  ["scenario", "微服务"],
  ["scenario", "serverless", "--year", "2020"],
  ["path", "serverless", "--from", "2020", "--to", "2025"],
  ["compare", "gvisor", "runc"],
  ["compare", "case:serverless-2020-seed-case-2", "case:serverless-2025-seed-case-2"],
  ["recommend", "--scenario", "边缘计算", "--cold-start-ms", "10", "--memory-mib", "5", "--explain"],
  ["recommend", "--scenario", "multi-tenant-untrusted", "--linux-compatibility", "full", "--pareto"],
  ["timeline", "--level", "L-4", "--from", "2015"],
  ["predict", "边缘计算", "--from", "2025", "--years", "5"],
  ["design", ex("multi-tenant-saas.yaml")],
  ["migrate", "--from", "case:serverless-2020-seed-case-2", "--to", "case:serverless-2025-seed-case-2"],
  ["observe", "K3s + WasmEdge + Gatekeeper + OpenTelemetry"],
  ["diagnose", "--vertical", "Sentry syscall denied", "--horizontal", "checkout span error"],
  ["diagnose", "--matrix"],
  ["analyze"],
  ["analyze", "--coverage"],
];

const widest = (out: string) =>
  out
    .split("\n")
    .map((line, i) => ({ line: i + 1, width: stringWidth(line), text: line }))
    .reduce((a, b) => (b.width > a.width ? b : a), { line: 0, width: 0, text: "" });

describe.each([80, 100])("COLUMNS=%i", (columns) => {
  describe.each(["en", "zh"])("--lang %s", (lang) => {
    // A cold `recommend` searches every stack: slow on a busy machine, so the limit is generous.
    it.each(COMMANDS.map((argv) => [argv.join(" "), argv] as const))(
      "%s",
      { timeout: 300_000 },
      async (_name, argv) => {
        const r = await runCli({ columns }, ...argv, "--lang", lang);
        expect(r.code, r.err).toBeLessThanOrEqual(1);
        const w = widest(r.out);
        expect(w.width, `line ${w.line}: ${w.text}`).toBeLessThanOrEqual(columns);
      },
    );
  });
});
