/** @module model/ids — branded identifiers, each with a constructor of the same name. */

export type TechnologyId = string & { readonly __brand: "TechnologyId" };
/** Marks a string as a technology id (no check: the knowledge base resolves it). */
export function TechnologyId(s: string): TechnologyId {
  return s as TechnologyId;
}

export type ScenarioId = string & { readonly __brand: "ScenarioId" };
/** Marks a string as a scenario id. */
export function ScenarioId(s: string): ScenarioId {
  return s as ScenarioId;
}

export type SourceId = string & { readonly __brand: "SourceId" };
/** Marks a string as a source id. */
export function SourceId(s: string): SourceId {
  return s as SourceId;
}
