/** @module kb/check-references — every source, technology, scenario and dimension a file names exists. */
import type { StackComponents } from "../model/stack.js";
import { componentsOf } from "./_components-of.js";
import { issueAt, type Locatable } from "./_issue-at.js";
import type { ValidationContext } from "./_validation-context.js";
import type { Issue, IssuePath } from "./issue.js";

/**
 * UNKNOWN_SOURCE (any `source:` anywhere), UNKNOWN_TECHNOLOGY (relations, level representatives,
 * stacks, claims), UNKNOWN_SCENARIO (cases, claims), UNKNOWN_DIMENSION (claims about
 * `dimension:K`), UNKNOWN_CLAIM (a level's `claim`), SELF_RELATION and BAD_DEFAULT (a `depends-on` default that is not an implementer of
 * the interface it names).
 * @example const issues = checkReferences(ctx);
 */
export function checkReferences(ctx: ValidationContext): Issue[] {
  const issues: Issue[] = [];
  const kb = ctx.kb;
  const sourceIds = [...ctx.sourceIds];
  const sourceHint = "add it to a file in sources/ or cite an existing source id";
  const tech = (file: Locatable, path: IssuePath, id: string, what = "technology") => {
    if (!ctx.knownTechnology(id))
      issues.push(
        ctx.unknown(
          "UNKNOWN_TECHNOLOGY",
          file,
          path,
          what,
          id,
          ctx.technologyCandidates,
          "use a technology id from technologies/",
        ),
      );
  };
  const scenario = (file: Locatable, path: IssuePath, id: string) => {
    if (!ctx.knownScenario(id))
      issues.push(
        ctx.unknown(
          "UNKNOWN_SCENARIO",
          file,
          path,
          "scenario",
          id,
          ctx.scenarioCandidates,
          "use a scenario id from scenarios.yaml",
        ),
      );
  };
  const stack = (file: Locatable, path: IssuePath, c: StackComponents) => {
    for (const [p, id] of componentsOf(c, path)) tech(file, p, id);
  };

  // Every `source:` key in every valid file is a source id, whatever it belongs to.
  for (const file of kb.files) {
    if (file.data === undefined) continue;
    walkSources(file.data, [], (path, id) => {
      if (!ctx.knownSource(id))
        issues.push(ctx.unknown("UNKNOWN_SOURCE", file, path, "source", id, sourceIds, sourceHint));
    });
  }

  for (const t of kb.technologies) {
    (t.data.relations ?? []).forEach((r, i) => {
      if (r.target !== undefined) {
        tech(t.file, ["relations", i, "target"], r.target);
        if (r.target === t.data.id)
          issues.push(
            issueAt(
              "SELF_RELATION",
              t.file,
              ["relations", i, "target"],
              `${t.data.id} ${r.type} itself (relations[${i}])`,
              {
                hint: "a relation joins two different technologies",
              },
            ),
          );
      }
      (r.anyOf ?? []).forEach((id, j) => {
        tech(t.file, ["relations", i, "anyOf", j], id);
        if (id === t.data.id)
          issues.push(
            issueAt(
              "SELF_RELATION",
              t.file,
              ["relations", i, "anyOf", j],
              `${t.data.id} ${r.type} itself (relations[${i}].anyOf)`,
              {
                hint: "a relation joins two different technologies",
              },
            ),
          );
      });
      if (r.default !== undefined && r.target !== undefined) {
        const path: IssuePath = ["relations", i, "default", "technology"];
        const id = r.default.technology;
        tech(t.file, path, id);
        const target = ctx.technologies.get(r.target)?.data;
        const chosen = ctx.technologies.get(id)?.data;
        if (target !== undefined && chosen !== undefined) {
          const implementsTarget = (chosen.relations ?? []).some(
            (x) => x.type === "implements" && x.target === r.target,
          );
          if (target.role !== "interface" || !implementsTarget)
            issues.push(
              issueAt(
                "BAD_DEFAULT",
                t.file,
                path,
                target.role !== "interface"
                  ? `${t.data.id} names a default for ${r.target}, which is not an interface (relations[${i}])`
                  : `${id} does not implement ${r.target}, so it cannot be ${t.data.id}'s default for it (relations[${i}])`,
                {
                  hint: "a default is an implementer of the interface the dependency names: give it an `implements` relation or pick another",
                },
              ),
            );
        }
      }
    });
  }

  if (kb.dimensions !== undefined) {
    const f = kb.dimensions.file;
    const claimIds = kb.claims?.data.claims.map((c) => c.id) ?? [];
    kb.dimensions.data.dimensions.forEach((d, i) => {
      (d.levels ?? []).forEach((l, j) => {
        (l.representatives ?? []).forEach((id, k) => {
          tech(f, ["dimensions", i, "levels", j, "representatives", k], id);
        });
        if (l.technology !== undefined) tech(f, ["dimensions", i, "levels", j, "technology"], l.technology);
        if (l.claim !== undefined && kb.claims !== undefined && !claimIds.includes(l.claim))
          issues.push(
            ctx.unknown(
              "UNKNOWN_CLAIM",
              f,
              ["dimensions", i, "levels", j, "claim"],
              "claim",
              l.claim,
              claimIds,
              "use a claim id from claims.yaml",
            ),
          );
      });
    });
  }

  if (kb.scenarios !== undefined) {
    const f = kb.scenarios.file;
    kb.scenarios.data.scenarios.forEach((s, i) => {
      s.referenceStacks.forEach((rs, j) => {
        stack(f, ["scenarios", i, "referenceStacks", j, "components"], rs.components);
      });
    });
  }

  for (const c of kb.cases) {
    scenario(c.file, ["scenario"], c.data.scenario);
    stack(c.file, ["stack", "components"], c.data.stack.components);
  }

  if (kb.claims !== undefined) {
    const f = kb.claims.file;
    const dimensionKeys = ctx.dimensions === undefined ? undefined : [...ctx.dimensions.keys()];
    const levelCodes = new Set([...ctx.levels.values()].flatMap((m) => [...m.keys()]));
    kb.claims.data.claims.forEach((c, i) => {
      c.about.forEach((about, j) => {
        const path: IssuePath = ["claims", i, "about", j];
        const [prefix, rest] = splitPrefix(about);
        if (prefix === "dimension") {
          if (dimensionKeys !== undefined && !dimensionKeys.includes(rest))
            issues.push(ctx.unknown("UNKNOWN_DIMENSION", f, path, "dimension", rest, dimensionKeys));
        } else if (prefix === "scenario") scenario(f, path, rest);
        else if (prefix === "technology") tech(f, path, rest);
        else if (prefix === "ordering") {
          // ordering:<dimension>/<ordering id>, the subject of an exception to a level ordering.
          const [key, id] = rest.split("/", 2);
          const d = key === undefined ? undefined : ctx.dimensions?.get(key);
          const ids = (d?.orderings ?? []).map((o) => `${d?.key}/${o.id}`);
          if (ctx.dimensions !== undefined && !(d !== undefined && (d.orderings ?? []).some((o) => o.id === id)))
            issues.push(
              ctx.unknown("UNKNOWN_ORDERING", f, path, "ordering", rest, ids.length > 0 ? ids : orderingIds(ctx)),
            );
        } else if (prefix === "level") {
          if (ctx.dimensions !== undefined && !levelCodes.has(rest))
            issues.push(ctx.unknown("UNKNOWN_LEVEL", f, path, "level", rest, levelCodes));
        } else if (prefix !== undefined) {
          issues.push(
            issueAt(
              "UNKNOWN_DIMENSION",
              f,
              path,
              `"${about}" in claims[${i}].about has an unknown prefix "${prefix}:"`,
              {
                hint: "write a technology id, scenario:<id>, dimension:<key>, level:<code> or ordering:<key>/<id>",
              },
            ),
          );
        } else if (!(ctx.dimensions !== undefined && levelCodes.has(about))) tech(f, path, about);
      });
    });
  }

  return issues;
}

function orderingIds(ctx: ValidationContext): string[] {
  return (ctx.kb.dimensions?.data.dimensions ?? []).flatMap((d) => (d.orderings ?? []).map((o) => `${d.key}/${o.id}`));
}

function splitPrefix(about: string): [string | undefined, string] {
  const m = /^([a-z]+):(.+)$/.exec(about);
  return m ? [m[1], m[2]!] : [undefined, about];
}

function walkSources(value: unknown, path: (string | number)[], visit: (path: IssuePath, id: string) => void): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      walkSources(v, [...path, i], visit);
    });
  } else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === "source" && typeof v === "string") visit([...path, k], v);
      else walkSources(v, [...path, k], visit);
    }
  }
}
