/** @module i18n/evidence-phrases — the words of the evidence rules: derived figures, disputes, checks that cannot be judged. */
import { phrase } from "./messages.js";

/** A scope as a reader says it ("per instance"). */
export function scopeText(scope: string, lang: "en" | "zh"): string {
  const en: Record<string, string> = {
    instance: "per instance",
    pod: "per pod",
    node: "per node",
    cluster: "per cluster",
    request: "per request",
    process: "per process",
    host: "per host",
    binary: "per binary",
  };
  const zh: Record<string, string> = {
    instance: "每实例",
    pod: "每 Pod",
    node: "每节点",
    cluster: "每集群",
    request: "每请求",
    process: "每进程",
    host: "每宿主机",
    binary: "每二进制",
  };
  return (lang === "zh" ? zh : en)[scope] ?? scope;
}

/** How each derivation rule of `src/evidence/own-figures.ts` is worded in a derived figure's conditions. */
export const DERIVED = {
  "boot-bound": phrase(
    (a: { figure: string; source: string }) =>
      `derived: a cold start is at least the boot time (${a.figure} [${a.source}])`,
    (a) => `推导：冷启动时间不短于引导时间（${a.figure} [${a.source}]）`,
  ),
  "instantiation-bound": phrase(
    (a: { figure: string; source: string }) =>
      `derived: a cold start is at least the instantiation time (${a.figure} [${a.source}])`,
    (a) => `推导：冷启动时间不短于实例化时间（${a.figure} [${a.source}]）`,
  ),
  "precompiled-instantiation": phrase(
    (a: { figure: string; source: string; statement: string }) =>
      `derived: compiled ahead of time, a module's start is its instantiation (${a.figure} [${a.source}]; instantiation alone on the start path [${a.statement}])`,
    (a) => `推导：预先编译后，模块的启动即其实例化（${a.figure} [${a.source}]；启动路径上只剩实例化 [${a.statement}]）`,
  ),
  "vmm-start-plus-boot": phrase(
    (a: { start: string; boot: string; sources: string }) =>
      `derived: VMM start ${a.start} + boot to guest init ${a.boot} [${a.sources}]; API configuration calls between them not counted`,
    (a) => `推导：VMM 启动 ${a.start} + 引导至客户机 init ${a.boot} [${a.sources}]；其间的 API 配置调用未计入`,
  ),
  "vmm-plus-guest": phrase(
    (a: { figure: string; source: string }) =>
      `derived: a VM instance needs at least its VMM's overhead (${a.figure} [${a.source}]) plus its guest's memory`,
    (a) => `推导：虚拟机实例至少需要 VMM 开销（${a.figure} [${a.source}]）加上客户机内存`,
  ),
  "runs-inside": phrase(
    (a: { host: string; figure: string; source: string }) =>
      `derived: each instance runs inside a ${a.host} instance, so costs at least its ${a.figure} [${a.source}]`,
    (a) => `推导：每个实例都运行在 ${a.host} 实例之内，故至少为其 ${a.figure} [${a.source}]`,
  ),
} as const;

export const JUDGE = {
  noFigure: phrase(
    (a: { name: string; metric: string; scope: string }) =>
      `cannot judge: no figure for ${a.name}'s ${a.metric} (${a.scope}); a sourced ${a.metric} ${a.scope} would settle it`,
    (a) => `无法判断：${a.name} 没有${a.metric}（${a.scope}）数据；一个有来源的${a.scope}${a.metric}数据即可判定`,
  ),
  open: phrase(
    (a: { name: string; metric: string; scope: string; figure: string; range: string }) =>
      `cannot judge: ${a.name}'s ${a.metric} is only bounded (${a.figure}), which neither meets nor misses ${a.range}; a sourced ${a.metric} ${a.scope} would settle it`,
    (a) =>
      `无法判断：${a.name} 的${a.metric}只有界限（${a.figure}），既不能确认也不能否定 ${a.range}；一个有来源的${a.scope}${a.metric}数据即可判定`,
  ),
  disputed: phrase(
    (a: { name: string; metric: string; met: string; missed: string; range: string }) =>
      `cannot judge: sources disagree on ${a.name}'s ${a.metric} — ${a.met} within ${a.range}, but ${a.missed} outside it`,
    (a) => `无法判断：各来源对 ${a.name} 的${a.metric}看法不一——${a.met} 在 ${a.range} 以内，而 ${a.missed} 超出`,
  ),
  levelHint: phrase(
    (a: { figure: string; level: string }) => `level-wide hint ${a.figure} (${a.level}), not a verdict`,
    (a) => `层次级提示 ${a.figure}（${a.level}），不作判定`,
  ),
  derivedMark: phrase(
    () => "derived",
    () => "推导",
  ),
};
