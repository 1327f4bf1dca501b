// Writes docs/coverage.md: per role and per scenario, how many technologies have figures of their own
// for each metric (the same counts as `stackatlas analyze --coverage`), in English and Chinese.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { figureCoverage } from "../src/analysis/figure-coverage.js";
import { loadKb } from "../src/kb/load-kb.js";

const kb = loadKb(join(import.meta.dirname, "..", "data"));
const today = new Date().toISOString().slice(0, 10);
const en = figureCoverage(kb, "en");
const zh = figureCoverage(kb, "zh");
const metrics = en.metrics;

function table(rows: typeof en.byRole, by: string): string[] {
  const head = [by, "technologies", "with figures", ...metrics.map((m) => m.id), "undated figures"];
  return [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map(
      (r) =>
        `| ${[r.key, r.technologies, r.withFigures, ...metrics.map((m) => r.metrics[m.id] ?? 0), r.undatedFigures].join(" | ")} |`,
    ),
  ];
}

const lines = [
  "# Figure coverage / 数据覆盖",
  "",
  `Generated ${today} from \`data/\` by \`npm run docs:coverage\` (the same counts as \`stackatlas analyze --coverage\`).`,
  "Each cell counts the technologies of a role (or placed in a scenario) that have at least one figure of",
  "their own for the metric; a technology without one is judged on its level's estimate. \"undated",
  'figures" counts figures with neither an `asOf` nor a dated source, whose age `validate` cannot show.',
  "",
  `由 \`npm run docs:coverage\` 于 ${today} 从 \`data/\` 生成（与 \`stackatlas analyze --coverage\` 相同）。每格为该角色`,
  "（或位于该场景）的技术中，拥有该指标自有数据的技术数；没有自有数据的技术按其层次的估算值评判。",
  "“undated figures”（无日期数据）为既无 `asOf`、来源也无年份的数据条数。",
  "",
  `Metrics / 指标: ${metrics.map((m, i) => `\`${m.id}\` ${m.name} / ${zh.metrics[i]?.name ?? m.id}`).join("; ")}`,
  "",
  "## Per role / 按角色",
  "",
  ...table(en.byRole, "role"),
  "",
  "## Per scenario / 按场景",
  "",
  ...table(
    en.byScenario.map((r, i) => ({ ...r, key: `${r.key} (${r.name} / ${zh.byScenario[i]?.name ?? ""})` })),
    "scenario",
  ),
  "",
];
writeFileSync(join(import.meta.dirname, "..", "docs", "coverage.md"), lines.join("\n"));
console.log("wrote docs/coverage.md");
