/** @module kb/check-ids — ids are unique, names and aliases point at one thing, files are named after ids. */
import { issueAt, type Locatable } from "./_issue-at.js";
import type { ValidationContext } from "./_validation-context.js";
import type { Issue, IssuePath } from "./issue.js";
import { normalizeName } from "./normalize-name.js";

interface Seen {
  readonly file: Locatable;
  readonly path: IssuePath;
}

/**
 * DUPLICATE_ID (technologies, sources, scenarios, cases, claims, metrics, traits, dimensions, levels,
 * orderings), ID_FILE_MISMATCH (technologies/<id>.yaml holds id <id>) and DUPLICATE_ALIAS (an id,
 * name or alias of one technology or scenario that is also another's).
 * @example const issues = checkIds(ctx);
 */
export function checkIds(ctx: ValidationContext): Issue[] {
  const issues: Issue[] = [];
  const unique = (what: string, entries: Iterable<{ id: string; file: Locatable; path: IssuePath }>) => {
    const seen = new Map<string, Seen>();
    for (const e of entries) {
      const first = seen.get(e.id);
      if (first === undefined) {
        seen.set(e.id, { file: e.file, path: e.path });
        continue;
      }
      const pos = first.file.locate(first.path);
      issues.push(
        issueAt(
          "DUPLICATE_ID",
          e.file,
          e.path,
          `${what} id "${e.id}" is declared twice (first in ${first.file.relativePath}:${pos.line})`,
          {
            hint: "ids are unique across the knowledge base: rename one or merge them",
          },
        ),
      );
    }
  };
  const kb = ctx.kb;
  unique(
    "technology",
    kb.technologies.map((t) => ({ id: t.data.id, file: t.file, path: ["id"] })),
  );
  unique(
    "source",
    kb.sources.flatMap((s) =>
      s.data.sources.map((src, i) => ({ id: src.id, file: s.file, path: ["sources", i, "id"] })),
    ),
  );
  if (kb.scenarios !== undefined) {
    const f = kb.scenarios.file;
    unique(
      "scenario",
      kb.scenarios.data.scenarios.map((s, i) => ({ id: s.id, file: f, path: ["scenarios", i, "id"] })),
    );
  }
  unique(
    "case",
    kb.cases.map((c) => ({ id: c.data.id, file: c.file, path: ["id"] })),
  );
  unique(
    "deployment",
    kb.deployments.map((d) => ({ id: d.data.id, file: d.file, path: ["id"] })),
  );
  if (kb.claims !== undefined) {
    const f = kb.claims.file;
    unique(
      "claim",
      kb.claims.data.claims.map((c, i) => ({ id: c.id, file: f, path: ["claims", i, "id"] })),
    );
  }
  if (kb.vocabulary !== undefined) {
    const f = kb.vocabulary.file;
    unique(
      "metric",
      kb.vocabulary.data.metrics.map((m, i) => ({ id: m.id, file: f, path: ["metrics", i, "id"] })),
    );
    unique(
      "trait",
      kb.vocabulary.data.traits.map((t, i) => ({ id: t.id, file: f, path: ["traits", i, "id"] })),
    );
  }
  if (kb.dimensions !== undefined) {
    const f = kb.dimensions.file;
    const dims = kb.dimensions.data.dimensions;
    unique(
      "dimension key",
      dims.flatMap((d, i) => [
        { id: d.key, file: f, path: ["dimensions", i, "key"] },
        ...(d.keyAliases ?? []).map((k, j) => ({ id: k, file: f, path: ["dimensions", i, "keyAliases", j] })),
      ]),
    );
    dims.forEach((d, i) => {
      unique(
        `level (dimension ${d.key})`,
        (d.levels ?? []).map((l, j) => ({ id: l.code, file: f, path: ["dimensions", i, "levels", j, "code"] })),
      );
      unique(
        `level value (dimension ${d.key})`,
        (d.levels ?? []).map((l, j) => ({
          id: String(l.value),
          file: f,
          path: ["dimensions", i, "levels", j, "value"],
        })),
      );
      unique(
        `ordering (dimension ${d.key})`,
        (d.orderings ?? []).map((o, j) => ({ id: o.id, file: f, path: ["dimensions", i, "orderings", j, "id"] })),
      );
    });
  }

  for (const t of kb.technologies) {
    const expected = t.file.relativePath.replace(/^technologies\//, "").replace(/\.yaml$/, "");
    if (t.data.id !== expected) {
      issues.push(
        issueAt("ID_FILE_MISMATCH", t.file, ["id"], `technologies/${expected}.yaml holds id "${t.data.id}"`, {
          hint: `a technology file is named after its id: rename the file to technologies/${t.data.id}.yaml or set id: ${expected}`,
        }),
      );
    }
  }

  // Names people type must lead to one thing: technologies and scenarios share one name space.
  const owners = new Map<string, { owner: string; file: Locatable; path: IssuePath }>();
  const claim = (owner: string, label: string, file: Locatable, path: IssuePath, isAlias: boolean) => {
    const key = normalizeName(label);
    if (key === "") return;
    const first = owners.get(key);
    if (first === undefined) {
      owners.set(key, { owner, file, path });
      return;
    }
    if (first.owner === owner) return;
    const pos = first.file.locate(first.path);
    issues.push(
      issueAt(
        "DUPLICATE_ALIAS",
        file,
        path,
        `the ${isAlias ? "alias" : "name"} "${label}" of ${owner} already names ${first.owner} (${first.file.relativePath}:${pos.line})`,
        { hint: "a name or alias leads to one technology or scenario: remove it from one of them" },
      ),
    );
  };
  // Ids first, then names, then aliases: the later, weaker claim is the one reported.
  for (const t of kb.technologies) claim(`technology ${t.data.id}`, t.data.id, t.file, ["id"], false);
  kb.scenarios?.data.scenarios.forEach((s, i) => {
    claim(`scenario ${s.id}`, s.id, kb.scenarios!.file, ["scenarios", i, "id"], false);
  });
  for (const t of kb.technologies) {
    claim(`technology ${t.data.id}`, t.data.names.en, t.file, ["names", "en"], false);
    claim(`technology ${t.data.id}`, t.data.names.zh, t.file, ["names", "zh"], false);
  }
  kb.scenarios?.data.scenarios.forEach((s, i) => {
    claim(`scenario ${s.id}`, s.names.en, kb.scenarios!.file, ["scenarios", i, "names", "en"], false);
    claim(`scenario ${s.id}`, s.names.zh, kb.scenarios!.file, ["scenarios", i, "names", "zh"], false);
  });
  for (const t of kb.technologies) {
    (t.data.aliases ?? []).forEach((a, j) => {
      claim(`technology ${t.data.id}`, a, t.file, ["aliases", j], true);
    });
  }
  kb.scenarios?.data.scenarios.forEach((s, i) => {
    (s.aliases ?? []).forEach((a, j) => {
      claim(`scenario ${s.id}`, a, kb.scenarios!.file, ["scenarios", i, "aliases", j], true);
    });
  });
  return issues;
}
