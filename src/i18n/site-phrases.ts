/** @module i18n/site-phrases — `build-site`'s sentences in English and Chinese. */
import { phrase } from "./messages.js";

export const SITE = {
  notABuild: phrase(
    (a: { dir: string }) =>
      `build-site: ${a.dir} is not empty and is not a previous build of the atlas (it has no api/manifest.json written by build-site); nothing was written. Choose an empty or new folder.`,
    (a) =>
      `build-site：${a.dir} 非空，且不是此前构建的图谱（其中没有 build-site 写下的 api/manifest.json）；未写入任何文件。请选择空文件夹或新文件夹。`,
  ),
  notAFolder: phrase(
    (a: { dir: string }) => `build-site: ${a.dir} exists and is not a folder; nothing was written.`,
    (a) => `build-site：${a.dir} 已存在且不是文件夹；未写入任何文件。`,
  ),
  noWebUi: phrase(
    (a: { dir: string }) =>
      `build-site: the web UI is not built (no ${a.dir}/index.html); run \`npm run build\` first.`,
    (a) => `build-site：网页界面尚未构建（没有 ${a.dir}/index.html）；请先运行 \`npm run build\`。`,
  ),
  badBase: phrase(
    (a: { base: string }) =>
      `build-site: --base "${a.base}" is not a path: give one that starts with /, such as /atlas/ (default /).`,
    (a) => `build-site：--base "${a.base}" 不是路径：请给出以 / 开头的路径，例如 /atlas/（默认 /）。`,
  ),
  built: phrase(
    (a: { dir: string; pages: number; answers: number; skipped: number; base: string }) =>
      `built the static atlas in ${a.dir}: ${a.pages} pages, ${a.answers} precomputed answers per language${a.skipped > 0 ? ` (${a.skipped} not available here, left to a live server)` : ""}; serve the folder under ${a.base}`,
    (a) =>
      `静态图谱已构建于 ${a.dir}：${a.pages} 个页面，每种语言 ${a.answers} 份预计算结果${a.skipped > 0 ? `（${a.skipped} 份此处无法生成，留给实时服务器）` : ""}；请在 ${a.base} 下提供该文件夹`,
  ),
};
