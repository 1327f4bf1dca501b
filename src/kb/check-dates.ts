/** @module kb/check-dates — CNCF dates run in order, and nothing is used before it was released. */

import { componentsOf } from "./_components-of.js";
import { issueAt } from "./_issue-at.js";
import type { ValidationContext } from "./_validation-context.js";
import type { Issue } from "./issue.js";

const STAGES = ["accepted", "incubating", "graduated"] as const;

/**
 * BAD_CNCF_DATES (accepted ≤ incubating ≤ graduated, archived after acceptance, and the date of the
 * stated maturity present), RELEASED_AFTER_CNCF (a warning: a first release after CNCF acceptance) and
 * CASE_BEFORE_RELEASE (a case dated before one of its components was released) and
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
    const bad = (key: string, message: string) => {
      issues.push(
        issueAt("BAD_CNCF_DATES", t.file, ["cncf", key], `${t.data.id}: ${message}`, {
          hint: "copy the dates exactly from the CNCF landscape (landscape.yml, extra.accepted/incubating/graduated/archived)",
        }),
      );
    };
    let prev: { key: string; date: string } | undefined;
    for (const key of STAGES) {
      const date = c[key];
      if (date === undefined) continue;
      if (prev !== undefined && date < prev.date) bad(key, `${key} ${date} is before ${prev.key} ${prev.date}`);
      prev = { key, date };
    }
    if (c.archived !== undefined && c.archived < c.accepted)
      bad("archived", `archived ${c.archived} is before accepted ${c.accepted}`);
    const maturityDate = c.maturity === "sandbox" ? c.accepted : c[c.maturity];
    if (maturityDate === undefined) bad("maturity", `maturity ${c.maturity} but no \`${c.maturity}\` date`);
    if (c.maturity === "sandbox" || c.maturity === "incubating") {
      const later = c.maturity === "sandbox" ? (["incubating", "graduated"] as const) : (["graduated"] as const);
      for (const key of later)
        if (c[key] !== undefined) bad(key, `maturity ${c.maturity} but a \`${key}\` date (${c[key]})`);
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
