/**
 * @module web/lib/vocabulary — the data's closed vocabularies as a reader sees them: timeline event
 * kinds, relation kinds, figure scopes and link kinds, in English and Chinese (roles: web/lib/role-words). Imported by the pages that show
 * them (their own chunks), not the shell. An id the table does not know is shown as it is.
 */

import { type Words, word } from "./role-words.js";

const EVENT_KINDS: Words = {
  release: ["release", "发布"],
  milestone: ["milestone", "里程碑"],
  case: ["deployment case", "部署案例"],
  cncf: ["CNCF stage", "CNCF 阶段"],
  supersedes: ["supersedes", "取代"],
};

const RELATIONS: Words = {
  "depends-on": ["depends on", "依赖"],
  implements: ["implements", "实现"],
  "runs-on": ["runs on", "运行于"],
  "compatible-with": ["compatible with", "兼容"],
  "conflicts-with": ["conflicts with", "冲突"],
  "alternative-to": ["alternative to", "可替代"],
  supersedes: ["supersedes", "取代"],
  "part-of": ["part of", "属于"],
};

const SCOPES: Words = {
  instance: ["per instance", "每实例"],
  pod: ["per pod", "每 Pod"],
  node: ["per node", "每节点"],
  cluster: ["per cluster", "每集群"],
  request: ["per request", "每请求"],
  binary: ["binary", "二进制"],
  process: ["per process", "每进程"],
  host: ["per host", "每主机"],
};

const LINKS: Words = {
  home: ["home page", "主页"],
  repo: ["repository", "代码仓库"],
  docs: ["documentation", "文档"],
};

/** A timeline event's kind: `release` → 发布. */
export const eventKindWord = word(EVENT_KINDS);
/** A relation's kind: `conflicts-with` → 冲突. */
export const relationWord = word(RELATIONS);
/** A figure's scope: `instance` → 每实例. */
export const scopeWord = word(SCOPES);
/** A technology's link: `repo` → 代码仓库. */
export const linkWord = word(LINKS);
