/** @module model/technology — one technology of the atlas, with its coordinate, facts and relations. */
import { z } from "zod";
import { AsOf, EvidenceGrade, Id, IsoDate, Names, oneOrMany, Text, Url, Year } from "./_common.js";
import { Fact } from "./fact.js";
import { LevelCode } from "./level.js";
import { Relation } from "./relation.js";

export const Role = z.enum([
  "hardware",
  "hypervisor",
  "runtime",
  "engine",
  "shim",
  "orchestrator",
  "policy",
  "observability",
  "interface",
  "plugin",
  "framework",
  "platform",
  /** Service meshes and gateways: mTLS and L7 policy between workloads (raise Z), request telemetry (O1). */
  "mesh",
  /** Workload identity and certificates (SPIFFE/SPIRE, cert-manager): raise Z. */
  "identity",
  /** GitOps and packaging: how a stack is delivered to clusters. */
  "delivery",
  /** Registries, signing, attestation and scanning of what runs. */
  "supply-chain",
  /** Model and AI serving on an orchestrator (KServe, vLLM, Triton, Ray). */
  "serving",
  /** Batch, gang and device-sharing schedulers (Volcano, Kueue, HAMi). */
  "scheduler",
  /** Cluster lifecycle and multi-cluster (Cluster API, Crossplane, Liqo). */
  "lifecycle",
  /** Node operating systems built for containers (Flatcar, Talos, Bottlerocket). */
  "node-os",
]);
export type Role = z.infer<typeof Role>;

/**
 * Where the technology sits on each dimension it has a place on. Values are level codes (scenario
 * ids for S); a list when it spans several. T is not here: it comes from `released`.
 */
export const Position = z.strictObject({
  D: oneOrMany(LevelCode).optional(),
  X: oneOrMany(LevelCode).optional(),
  Z: oneOrMany(LevelCode).optional(),
  A: oneOrMany(LevelCode).optional(),
  S: oneOrMany(Id).optional(),
  O: oneOrMany(LevelCode).optional(),
});
export type Position = z.infer<typeof Position>;

export const CncfMaturity = z.enum(["sandbox", "incubating", "graduated", "archived"]);
export type CncfMaturity = z.infer<typeof CncfMaturity>;

export const Cncf = z.strictObject({
  maturity: CncfMaturity,
  /** The item's name in the CNCF landscape, where it differs from names.en. */
  landscapeName: z.string().min(1).max(120).optional(),
  /**
   * The curated CNCF project this one is a sub-project of (the landscape's `parent_project`): it has
   * no standing of its own, so `maturity` and the dates repeat the parent's, and timelines do not
   * count it as a project.
   */
  parent: Id.optional(),
  accepted: IsoDate,
  incubating: IsoDate.optional(),
  graduated: IsoDate.optional(),
  archived: IsoDate.optional(),
});
export type Cncf = z.infer<typeof Cncf>;

export const Version = z.strictObject({
  version: z.string().min(1).max(60),
  released: z.union([IsoDate, Year]).optional(),
  /** `current`: the newest release when recorded (`asOf`); `historical`: a pin kept for what cited it. */
  status: z.enum(["current", "historical"]).optional(),
  /** When the pin was checked (for `current`, the day it was still the newest). */
  asOf: AsOf.optional(),
  note: Text.optional(),
  source: Id,
});

export const TraitStatement = z.strictObject({
  trait: Id,
  value: z.union([z.string().min(1).max(40), z.boolean()]),
  /** How, e.g. "nvproxy" for gVisor's GPU access. */
  via: z.string().max(200).optional(),
  source: Id,
  grade: EvidenceGrade,
  note: Text.optional(),
});
export type TraitStatement = z.infer<typeof TraitStatement>;

export const Technology = z.strictObject({
  id: Id,
  names: Names,
  aliases: z.array(z.string().min(1).max(60)).optional(),
  role: Role,
  summary: Text,
  position: Position,
  /** The first public release (a tag, a package, an announcement), not the first commit. */
  released: z.strictObject({
    year: Year,
    /** The year of the first commit, where it differs from the first release and matters. */
    firstCommit: Year.optional(),
    source: Id,
    grade: EvidenceGrade,
    note: Text.optional(),
  }),
  cncf: Cncf.optional(),
  versions: z.array(Version).optional(),
  links: z.strictObject({ home: Url.optional(), repo: Url.optional(), docs: Url.optional() }).optional(),
  traits: z.array(TraitStatement).optional(),
  facts: z.array(Fact).optional(),
  relations: z.array(Relation).optional(),
});
export type Technology = z.infer<typeof Technology>;
