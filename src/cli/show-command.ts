/** @module cli/show-command — `stackatlas show <id|alias>`: everything known about one technology, with sources. */
import { Command } from "@commander-js/extra-typings";
import { NotFoundError } from "../errors.js";
import { cncfStage, KB, maturityWord } from "../i18n/kb-phrases.js";
import { type Lang, localName, localText } from "../i18n/lang.js";
import { joinCommas, t } from "../i18n/messages.js";
import { figureText, relationName, roleName, scopeName, traitValueName } from "../i18n/vocabulary-phrases.js";
import type { Kb } from "../kb/kb.js";
import { type TechnologyDetail, technologyDetail } from "../network/technology-view.js";
import type { CliContext } from "./_context.js";
import { emit, textTable } from "./_output.js";

/** `show <name>`: a technology by id, name (en/zh) or alias. */
export function showCommand(context: () => CliContext) {
  return new Command("show")
    .description("everything known about one technology: coordinate, facts, traits, relations, claims, with sources")
    .argument("<name>", "technology id, name (en or zh) or alias, e.g. k3s, K8s, 沙盒容器")
    .action((name) => {
      const ctx = context();
      const kb = ctx.kb();
      const match = kb.resolveName(name);
      if (match?.kind !== "technology") {
        const scenario = match?.kind === "scenario" ? match.id : undefined;
        throw new NotFoundError(
          KB.unknownTechnology(ctx.lang, { where: "show", name, ...(scenario === undefined ? {} : { scenario }) }),
          { suggestions: kb.suggestNames(name, 5) },
        );
      }
      const detail = technologyDetail(kb, match.technology, ctx.lang);
      emit(ctx.io, ctx.format, detail, () => renderDetail(ctx, kb, detail));
    });
}

function renderDetail(ctx: CliContext, kb: Kb, d: TechnologyDetail): string {
  const lang: Lang = ctx.lang;
  const lines: string[] = [];
  lines.push(`${d.names.en} / ${d.names.zh}  (${d.id}, ${roleName(d.role, lang)})`);
  if (d.aliases.length) lines.push(`${t("aliases", lang)}: ${d.aliases.join(", ")}`);
  lines.push(localText(d.summary as never, lang));
  const pos = Object.entries(d.coordinate)
    .map(([key, v]) => {
      if (typeof v === "number") return `T=${v}`;
      const dim = kb.dimension(key);
      const shown = v.map((code) => {
        const level = dim?.levelByCode.get(code);
        return level ? `${code} ${localName(level.names, lang)}` : code;
      });
      return `${key}=${shown.join(" | ")}`;
    })
    .join("  ");
  lines.push(`${t("position", lang)}: ${pos}`);
  lines.push(
    `${t("released", lang)}: ${d.released}${d.firstCommit === undefined ? "" : ` (${t("firstCommit", lang)} ${d.firstCommit})`} (${d.releasedSource.title}, ${t("grade", lang)} ${d.releasedSource.grade})`,
  );
  if (d.cncfDates) {
    const c = d.cncfDates;
    const dates = [
      cncfStage("accepted", c.accepted, lang),
      c.incubating && cncfStage("incubating", c.incubating, lang),
      c.graduated && cncfStage("graduated", c.graduated, lang),
      c.archived && cncfStage("archived", c.archived, lang),
    ].filter((d): d is string => Boolean(d));
    lines.push(`${t("cncf", lang)}: ${maturityWord(c.maturity, lang)} — ${joinCommas(dates, lang)}`);
  }
  if (d.versions.length) {
    lines.push(
      `${t("versions", lang)}: ${d.versions
        .map((v) => {
          const when = [
            v.status === undefined
              ? undefined
              : t(v.status === "current" ? "versionCurrent" : "versionHistorical", lang),
            v.released === undefined ? undefined : `${t("released", lang)} ${v.released}`,
            v.asOf === undefined ? undefined : `${t("asOf", lang)} ${v.asOf}`,
          ].filter((x) => x !== undefined);
          return `${v.version}${when.length ? ` [${when.join(", ")}]` : ""} (${kb.sources.get(v.source)?.title ?? v.source})`;
        })
        .join("; ")}`,
    );
  }
  if (d.links) lines.push(`${t("links", lang)}: ${Object.values(d.links).join("  ")}`);
  if (d.facts.length) {
    lines.push(`\n${t("facts", lang)} (${d.facts.length}):`);
    lines.push(
      textTable(
        ctx.io,
        [
          t("metric", lang),
          t("value", lang),
          t("scope", lang),
          t("conditions", lang),
          t("source", lang),
          t("grade", lang),
        ],
        d.facts.map((f) => [
          kb.metrics.get(f.metric) ? localName(kb.metrics.get(f.metric)!.names, lang) : f.metric,
          figureText(f, lang) +
            (f.vendorClaim ? ` (${t("vendorClaim", lang)})` : "") +
            (f.asOf === undefined ? "" : `\n${t("asOf", lang)} ${f.asOf}`),
          scopeName(f.scope, lang),
          localText(f.conditions, lang),
          f.citation.url ? `${f.citation.title}\n${f.citation.url}` : f.citation.title,
          f.grade,
        ]),
      ),
    );
  }
  if (d.traits.length) {
    lines.push(`\n${t("traits", lang)}:`);
    for (const s of d.traits) {
      const trait = kb.traits.get(s.trait);
      lines.push(
        `  ${trait ? localName(trait.names, lang) : s.trait}: ${traitValueName(s.value, lang)}${s.via ? ` (${t("via", lang)} ${s.via})` : ""} — ${s.citation.title} [${s.grade}]`,
      );
    }
  }
  if (d.relations.length) {
    lines.push(`\n${t("relations", lang)}:`);
    for (const r of d.relations) {
      const arrow =
        r.direction === "out"
          ? `${relationName(r.type, lang)} → ${r.other.join(r.anyOf ? " | " : ", ")}`
          : `← ${relationName(r.type, lang)} ${r.other.join(", ")}`;
      const extra = [
        r.when && KB.when(lang, { when: r.when }),
        r.year && String(r.year),
        r.reason && `${t("reason", lang)}: ${localText(r.reason as never, lang)}`,
      ].filter((d): d is string => Boolean(d));
      lines.push(`  ${arrow}${extra.length ? ` (${extra.join("; ")})` : ""} — ${r.citation.title}`);
    }
  }
  if (d.claims.length) {
    lines.push(`\n${t("claims", lang)}:`);
    for (const c of d.claims) {
      lines.push(`  • ${localText(c.statement, lang)}`);
      for (const p of c.positions)
        lines.push(`      – ${localText(p.says, lang)} (${kb.sources.get(p.source)?.title ?? p.source}, ${p.grade})`);
      if (c.resolution)
        lines.push(`      ⇒ ${localText(c.resolution.choice, lang)}: ${localText(c.resolution.reason, lang)}`);
    }
  }
  return lines.join("\n");
}
