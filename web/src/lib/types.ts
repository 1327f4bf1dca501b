/** @module web/lib/types — the shapes of the API answers the UI reads (the server's OpenAPI document is the reference). */

export interface Names {
  readonly en: string;
  readonly zh: string;
}

export interface Citation {
  readonly id: string;
  readonly title?: string;
  readonly url?: string;
  readonly grade?: string;
}

/** A technology's position: level codes per dimension, T a year. */
export type TechCoordinate = Readonly<Record<string, readonly string[] | number | undefined>>;

export interface TechnologySummary {
  readonly id: string;
  readonly name: string;
  readonly names: Names;
  readonly role: string;
  readonly released?: number;
  readonly coordinate: TechCoordinate;
  readonly cncf?: string;
}

export interface TechnologyList {
  readonly count: number;
  readonly technologies: readonly TechnologySummary[];
}

export interface Fact {
  readonly metric: string;
  readonly value?: number;
  readonly min?: number;
  readonly max?: number;
  readonly unit: string;
  readonly scope?: string;
  readonly conditions?: string;
  readonly source: string;
  readonly grade: string;
  readonly vendorClaim?: boolean;
  readonly note?: string;
  readonly subject?: string;
  readonly citation?: Citation;
}

export interface Trait {
  readonly trait: string;
  readonly value: unknown;
  readonly via?: string;
  readonly source: string;
  readonly grade: string;
  readonly note?: string;
  readonly citation?: Citation;
}

export interface Relation {
  readonly type: string;
  readonly direction: "out" | "in";
  readonly other: readonly string[];
  readonly anyOf?: boolean;
  readonly when?: string;
  readonly reason?: string;
  readonly citation?: Citation;
}

export interface Claim {
  readonly id: string;
  readonly topic: string;
  readonly statement: string;
  readonly positions: readonly { says: string; source: string; grade: string; where?: string }[];
  readonly resolution?: { choice: string; reason: string };
}

export interface TechnologyDetail extends TechnologySummary {
  readonly aliases?: readonly string[];
  readonly summary?: Names;
  readonly releasedSource?: Citation;
  readonly cncfDates?: Readonly<Record<string, string>>;
  readonly versions?: readonly { version: string; note?: string; source?: string; date?: string }[];
  readonly links?: Readonly<Record<string, string>>;
  readonly traits?: readonly Trait[];
  readonly facts?: readonly Fact[];
  readonly relations?: readonly Relation[];
  readonly claims?: readonly Claim[];
}

export interface ScenarioSummary {
  readonly id: string;
  readonly name: string;
  readonly names: Names;
  readonly aliases: readonly string[];
  readonly referenceStacks: number;
  readonly cases: number;
}

export interface CoordinateJson {
  readonly D: number | null;
  readonly X: number | null;
  readonly Z: number | null;
  readonly T: number | null;
  readonly A: number | null;
  readonly S: string | null;
  readonly O: readonly string[] | null;
  readonly text: string;
}

export interface TimelineEvent {
  readonly year: number;
  readonly date?: string;
  readonly kind: string;
  readonly subject: string;
  readonly text: string;
  readonly source: string;
}

export interface Timeline {
  readonly from: number;
  readonly to: number;
  readonly milestones: readonly TimelineEvent[];
  readonly events: readonly TimelineEvent[];
}
