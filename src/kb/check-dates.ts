/** @module kb/check-dates — CNCF dates run in order, and nothing is used before it was released. */

import type { Cncf } from "../model/technology.js";
import { componentsOf } from "./_components-of.js";
import { issueAt } from "./_issue-at.js";
import type { ValidationContext } from "./_validation-context.js";
import type { Issue } from "./issue.js";

const STAGES = ["accepted", "incubating", "graduated"] as const;

/**
 * BAD_CNCF_DATES (accepted ≤ incubating ≤ graduated, archived after acceptance, the date of the
 * stated maturity present, and a sub-project's standing equal to its parent's), RELEASED_AFTER_CNCF (a
 * warning: a first release after CNCF acceptance; not for sub-projects, which inherit the parent's
 * dates), CASE_BEFORE_RELEASE (a case dated before one of its components was released) and
 * FIRST_COMMIT_AFTER_RELEASE (`released.firstCommit` later than the first release).
 * @example const issues = checkDates(ctx);
 */
export function checkDates(ctx: ValidationContext): Issue[] {
  const issues: Issue[] = [];
  for (const t of ctx.kb.technologies) {
    const first = t.data.released.firstCommit;
    if (first !== undefined && first > t.data.released.year)
      issues.push(
        issueAt(
          "FIRST_COMMIT_AFTER_RELEASE",
          t.file,
          ["released", "firstCommit"],
          `${t.data.id}: first commit ${first} is after the first public release ${t.data.released.year}`,
          { hint: "`released.year` is the first public release; `firstCommit` the year the code started" },
        ),
      );
    const c = t.data.cncf;
    if (c === undefined) continue;
    for (const p of ownDateProblems(c))
      issues.push(
        issueAt("BAD_CNCF_DATES", t.file, ["cncf", p.key], `${t.data.id}: ${p.message}`, {
          hint: "copy the dates exactly from the CNCF landscape (landscape.yml, extra.accepted/incubating/graduated/archived)",
        }),
      );
    if (c.parent !== undefined) {
      issues.push(...checkParent(ctx, t, c, c.parent));
      continue;
    }
    const acceptedYear = Number(c.accepted.slice(0, 4));
    if (t.data.released.year > acceptedYear)
      issues.push(
        issueAt(
          "RELEASED_AFTER_CNCF",
          t.file,
          ["released", "year"],
          `${t.data.id} was first released in ${t.data.released.year}, after its CNCF acceptance (${c.accepted})`,
          { hint: "check the release year: a project is usually public before the CNCF accepts it" },
        ),
      );
  }

  for (const cs of ctx.kb.cases) {
    const year = cs.data.year;
    for (const [slotPath, id] of componentsOf(cs.data.stack.components, ["stack", "components"])) {
      const tech = ctx.technologies.get(id);
      if (tech === undefined || tech.data.released.year <= year) continue;
      issues.push(
        issueAt(
          "CASE_BEFORE_RELEASE",
          cs.file,
          slotPath,
          `case ${cs.data.id} is dated ${year}, but ${id} was first released in ${tech.data.released.year}`,
          { hint: `date the case ${tech.data.released.year} or later, or use a technology that existed in ${year}` },
        ),
      );
    }
  }
  return issues;
}

/** What is wrong with a CNCF block on its own: dates out of order, or a maturity without its date. */
function ownDateProblems(c: Cncf): { key: string; message: string }[] {
  const out: { key: string; message: string }[] = [];
  let prev: { key: string; date: string } | undefined;
  for (const key of STAGES) {
    const date = c[key];
    if (date === undefined) continue;
    if (prev !== undefined && date < prev.date)
      out.push({ key, message: `${key} ${date} is before ${prev.key} ${prev.date}` });
    prev = { key, date };
  }
  if (c.archived !== undefined && c.archived < c.accepted)
    out.push({ key: "archived", message: `archived ${c.archived} is before accepted ${c.accepted}` });
  const maturityDate = c.maturity === "sandbox" ? c.accepted : c[c.maturity];
  if (maturityDate === undefined)
    out.push({ key: "maturity", message: `maturity ${c.maturity} but no \`${c.maturity}\` date` });
  if (c.maturity === "sandbox" || c.maturity === "incubating") {
    const later = c.maturity === "sandbox" ? (["incubating", "graduated"] as const) : (["graduated"] as const);
    for (const key of later)
      if (c[key] !== undefined) out.push({ key, message: `maturity ${c.maturity} but a \`${key}\` date (${c[key]})` });
  }
  return out;
}

const PARENT_KEYS = ["maturity", "accepted", "incubating", "graduated", "archived"] as const;

type TechnologyEntry = NonNullable<ReturnType<ValidationContext["technologies"]["get"]>>;

/** A sub-project names a curated CNCF project with a standing of its own and repeats it exactly. */
function checkParent(ctx: ValidationContext, t: TechnologyEntry, c: Cncf, parentId: string): Issue[] {
  const parent = ctx.technologies.get(parentId);
  if (parent === undefined) {
    // A parent whose own file failed to load is reported there; nothing cascades here.
    if (ctx.knownTechnology(parentId)) return [];
    return [
      ctx.unknown(
        "UNKNOWN_TECHNOLOGY",
        t.file,
        ["cncf", "parent"],
        "technology",
        parentId,
        ctx.technologyCandidates,
        "name the curated technology whose CNCF project this one belongs to",
      ),
    ];
  }
  const pc = parent.data.cncf;
  // A parent with faulty dates of its own is reported there; comparing with it would only echo that.
  if (pc !== undefined && ownDateProblems(pc).length > 0) return [];
  if (pc === undefined || pc.parent !== undefined)
    return [
      issueAt(
        "BAD_CNCF_DATES",
        t.file,
        ["cncf", "parent"],
        `${t.data.id}: its parent ${parentId} has no CNCF standing of its own`,
        { hint: "name the CNCF project itself (the landscape's parent_project), which needs its own cncf block" },
      ),
    ];
  const issues: Issue[] = [];
  for (const key of PARENT_KEYS)
    if (c[key] !== pc[key])
      issues.push(
        issueAt(
          "BAD_CNCF_DATES",
          t.file,
          ["cncf", c[key] === undefined ? "parent" : key],
          `${t.data.id}: ${key} ${c[key] ?? "absent"} differs from its parent ${parentId}'s (${pc[key] ?? "absent"})`,
          { hint: "a sub-project carries its parent project's CNCF maturity and dates unchanged" },
        ),
      );
  return issues;
}
