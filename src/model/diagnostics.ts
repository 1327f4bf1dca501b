/** @module model/diagnostics — fault-localisation knowledge: signal → layer rules, symptoms, failure modes, support. */
import { z } from "zod";
import { EvidenceGrade, Id, Names, Text } from "./_common.js";

/** Where a statement comes from, as in facts: a source id, its grade and the place in it. */
const Provenance = {
  source: Id,
  grade: EvidenceGrade,
  /** Where in the source, e.g. "§29.5.1". */
  where: z.string().max(200).optional(),
};

/** Words matched case-insensitively inside a signal (a log line, a kernel event, a span's description). */
const Patterns = z.array(z.string().min(2).max(200)).min(1);

/**
 * A vertical signal (a log line, a kernel event, an eBPF tool's finding) and the layer it points at.
 * `level` is a level code of the file's `layerDimension`.
 */
export const VerticalRule = z.strictObject({
  id: Id,
  kind: z.enum(["log", "kernel-event", "metric", "ebpf"]),
  patterns: Patterns,
  level: z.string().min(1).max(40),
  meaning: Text,
  causes: z.array(Text).min(1),
  fixes: z.array(Text).min(1),
  /** Technologies whose messages these are (gVisor for `Sentry`), when the signal names one. */
  technologies: z.array(Id).optional(),
  ...Provenance,
});
export type VerticalRule = z.infer<typeof VerticalRule>;

/** A horizontal signal: what a trace shows about a request chain (a slow span, a broken trace). */
export const HorizontalRule = z.strictObject({
  id: Id,
  names: Names,
  patterns: Patterns,
  meaning: Text,
  ...Provenance,
});
export type HorizontalRule = z.infer<typeof HorizontalRule>;

/** A row of the symptom table: a horizontal and a vertical signal that together name the root layer. */
export const Symptom = z.strictObject({
  id: Id,
  names: Names,
  /** The id of a horizontal rule. */
  horizontal: Id,
  /** The id of a vertical rule. */
  vertical: Id,
  level: z.string().min(1).max(40),
  fix: Text,
  note: Text.optional(),
  ...Provenance,
});
export type Symptom = z.infer<typeof Symptom>;

/** How a layer fails in one aspect of its structure: mechanism → failure → fix. */
export const FailureMode = z.strictObject({
  level: z.string().min(1).max(40),
  aspect: z.enum(["computation", "control", "information"]),
  mechanism: Text,
  failure: Text,
  fix: Text,
  ...Provenance,
});
export type FailureMode = z.infer<typeof FailureMode>;

/** How well a signal can be collected from workloads at a layer. */
export const SignalSupport = z.strictObject({
  level: z.string().min(1).max(40),
  /** A level code of the file's `signalDimension`. */
  signal: z.string().min(1).max(40),
  support: z.enum(["full", "partial", "adaptation", "none"]),
  note: Text.optional(),
  ...Provenance,
});
export type SignalSupport = z.infer<typeof SignalSupport>;

/**
 * How a signal reaches into a workload: tools that depend on `via` (a technology id) see a workload
 * as far as its runtime's trait `trait` says; without the trait, the layer's support decides.
 */
export const SignalReach = z.strictObject({
  signal: z.string().min(1).max(40),
  via: Id,
  trait: Id,
  ...Provenance,
});
export type SignalReach = z.infer<typeof SignalReach>;

/** A drill-down tool and the layers it looks at. */
export const DiagnosticTool = z.strictObject({
  id: Id,
  names: Names,
  /** The signal (a level code of the file's `signalDimension`) the tool collects. */
  signal: z.string().min(1).max(40),
  levels: z.array(z.string().min(1).max(40)).min(1),
  use: Text,
  /** The technology that provides it (bpftrace, inspektor-gadget), if the atlas has one. */
  technology: Id.optional(),
  ...Provenance,
});
export type DiagnosticTool = z.infer<typeof DiagnosticTool>;

/** A criterion of complete observability that a stack's parts cannot decide on their own. */
export const Criterion = z.strictObject({
  id: Id,
  names: Names,
  statement: Text,
  ...Provenance,
});
export type Criterion = z.infer<typeof Criterion>;

export const DiagnosticsFile = z.strictObject({
  /** The dimension whose levels are the layers faults are localised to (the isolation stack). */
  layerDimension: z.string().min(1).max(10),
  /** The dimension whose levels are the observability signals. */
  signalDimension: z.string().min(1).max(10),
  vertical: z.array(VerticalRule).min(1),
  horizontal: z.array(HorizontalRule).min(1),
  symptoms: z.array(Symptom),
  failureModes: z.array(FailureMode),
  support: z.array(SignalSupport),
  reach: z.array(SignalReach),
  tools: z.array(DiagnosticTool),
  criteria: z.array(Criterion),
});
export type DiagnosticsFile = z.infer<typeof DiagnosticsFile>;
