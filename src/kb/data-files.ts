/** @module kb/data-files — which schema each file of a knowledge-base folder is read with. */
import type { z } from "zod";
import { Case } from "../model/case.js";
import { ClaimsFile } from "../model/claim.js";
import { Deployment } from "../model/deployment.js";
import { DiagnosticsFile } from "../model/diagnostics.js";
import { DimensionsFile } from "../model/dimension.js";
import { LandscapeMappingFile } from "../model/landscape-mapping.js";
import { ScenariosFile } from "../model/scenario.js";
import { SourcesFile } from "../model/source.js";
import { Technology } from "../model/technology.js";
import { VocabularyFile } from "../model/vocabulary.js";

export interface DataFileKind {
  /** The schema's name, also the JSON Schema's file name in data/schema/. */
  readonly name: string;
  readonly schema: z.ZodType;
  /** Matches a path relative to the knowledge-base folder (forward slashes). */
  readonly matches: (relativePath: string) => boolean;
  readonly description: string;
}

export const DATA_FILE_KINDS: readonly DataFileKind[] = [
  {
    name: "dimensions",
    schema: DimensionsFile,
    matches: (p) => p === "dimensions.yaml",
    description: "The seven dimensions of the multi-dimensional relationship network.",
  },
  {
    name: "vocabulary",
    schema: VocabularyFile,
    matches: (p) => p === "vocabulary.yaml",
    description: "The metrics facts may measure and the traits technologies may state.",
  },
  {
    name: "scenarios",
    schema: ScenariosFile,
    matches: (p) => p === "scenarios.yaml",
    description: "Scenarios (the S dimension), their requirements and reference stacks.",
  },
  {
    name: "claims",
    schema: ClaimsFile,
    matches: (p) => p === "claims.yaml",
    description: "Statements the sources dispute, with every side's provenance.",
  },
  {
    name: "diagnostics",
    schema: DiagnosticsFile,
    matches: (p) => p === "diagnostics.yaml",
    description: "Fault localisation: signal → layer rules, symptoms, failure modes and signal support per layer.",
  },
  {
    name: "sources",
    schema: SourcesFile,
    matches: (p) => /^sources\/[^/]+\.yaml$/.test(p),
    description: "The source registry that facts, relations, claims and cases cite.",
  },
  {
    name: "technology",
    schema: Technology,
    matches: (p) => /^technologies\/[^/]+\.yaml$/.test(p),
    description: "One technology of the atlas.",
  },
  {
    name: "case",
    schema: Case,
    matches: (p) => /^cases\/[^/]+\.yaml$/.test(p),
    description: "A dated reference stack.",
  },
  {
    // Held out from the cases the weights learn from: only `recommend --evaluate` reads them.
    name: "deployment",
    schema: Deployment,
    matches: (p) => /^deployments\/[^/]+\.yaml$/.test(p),
    description: "A publicly documented production deployment, held out for evaluation.",
  },
  {
    // Read by `stackatlas import cncf-landscape`, not by the knowledge-base loader: validated, never compiled.
    name: "landscape-mapping",
    schema: LandscapeMappingFile,
    matches: (p) => p === "import/cncf-landscape-mapping.yaml",
    description: "How CNCF landscape categories and subcategories map onto roles and dimension levels.",
  },
];

/** The kind of a data file by its path relative to the knowledge-base folder, if it is one. */
export function dataFileKind(relativePath: string): DataFileKind | undefined {
  return DATA_FILE_KINDS.find((k) => k.matches(relativePath));
}
