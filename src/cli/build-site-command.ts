/** @module cli/build-site-command — `stackatlas build-site --out DIR`: the atlas as a static site any web server can host. */
import { Command } from "@commander-js/extra-typings";
import type { CliContext } from "./_context.js";

/** `build-site --out DIR [--base PATH]` (with the global `--data` and `--lang`). */
export function buildSiteCommand(context: () => CliContext) {
  return new Command("build-site")
    .description(
      "write the atlas as a static site: the web UI, a page per route and technology, and the precomputed\n" +
        "answers of everything that needs no live query (technologies, relations, scenarios, paths, timeline,\n" +
        "matrices, the recorded stacks' lookups), in English and Chinese. Recommend, design and diagnose say\n" +
        "they need a server. DIR must be new, empty or a previous build (replaced whole, atomically).\n" +
        "把图谱写成静态网站：网页界面、每个路由与技术的页面，以及无需实时查询的全部预计算结果（中英文）。\n" +
        "推荐、设计与诊断会提示需要服务器。DIR 须为新的、空的或此前的构建（整体原子替换）。",
    )
    .requiredOption("--out <dir>", "the folder to write / 输出文件夹")
    .option("--base <path>", "the path the site is served under / 站点所在路径", "/")
    .action(async (opts) => {
      const { buildSiteAction } = await import("./build-site-action.js");
      await buildSiteAction(context(), opts);
    });
}
