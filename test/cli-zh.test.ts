// Every command but `recommend` under `--lang zh`: its own sentences, table words and errors in Chinese
// (ids, level codes, keys, figures, source ids and file:line:column as they are), the exit codes of
// bad input unchanged; and the HTTP API's errors in Chinese with `?lang=zh`. Text that comes from the
// knowledge base's data (English-only notes, source titles, claims) is not checked.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { usageErrorZh } from "../src/i18n/cli-phrases.js";
import type { AtlasApp } from "../src/server/app-env.js";
import { runCli } from "./_cli.js";
import { type ErrorJson, postJson, testApp } from "./_server.js";

const repo = resolve(import.meta.dirname, "..");
const EX = resolve(repo, "examples");
const BROKEN_KB = resolve(import.meta.dirname, "fixtures/kb/invalid/duplicate-id");
const WARNED_KB = resolve(import.meta.dirname, "fixtures/kb/invalid/ordering-contradicted-by-technologies");
const landscape = resolve(repo, "data/landscape/landscape.yml");

const zh = (...argv: string[]) => runCli(...argv, "--lang", "zh");

/** The lines of a text table's body and head (those that start with a vertical bar). */
const cells = (out: string) =>
  out
    .split("\n")
    .filter((l) => l.startsWith("│"))
    .join("\n");

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "cli-zh-"));
});
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe("stack parsing, locate and compare in Chinese", () => {
  it("an unknown part: exit 1, the part named, the nearest names", async () => {
    for (const args of [
      ["locate", "K3s + Foo"],
      ["compare", "nosuch", "(4,2,3,2025,1,edge,*)"],
      ["observe", "K3s + Foo"],
    ]) {
      const r = await zh(...args);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.err).toContain('技术栈：未知技术 "');
      expect(r.err).not.toMatch(/unknown technolog|stack:/);
    }
    const two = await zh("locate", "K3s + Foo + Bar");
    expect(two.err).toContain('未知技术 "Foo"、"Bar"（在 "K3s + Foo + Bar" 中）');
  });

  it("locate: what is missing and why a dimension stays open; an unknown view", async () => {
    const r = await zh("locate", "bpftrace + runc");
    expect(r.code).toBe(0);
    expect(r.out).toContain("bpftrace 依赖 ebpf，但知识库中没有可用的部件提供它");
    expect(r.out).toContain("S = * (未给出场景)");
    expect(r.out).not.toMatch(/depends on|no scenario given|knowledge base has nothing/);
    const none = await zh("locate", "K3s + WasmEdge", "--year", "2015", "--scenario", "edge");
    expect(none.out).toContain("坐标: (4, 2, 0, 2015, 1, 边缘计算, 无)");
    expect(none.out).toContain("✘ WasmEdge 运行时 发布于 2019");
    const v = await zh("locate", "K3s + WasmEdge", "--view", "zz");
    expect(v.code).toBe(1);
    expect(v.err).toContain('locate：未知架构视图 "zz"');
  });

  it("compare: the slots in Chinese; an unknown recorded stack", async () => {
    const r = await zh("compare", "gvisor", "runc");
    expect(r.code).toBe(0);
    expect(cells(r.out)).toMatch(/^│ 运行时 /m);
    expect(cells(r.out)).not.toMatch(/^│ runtime /m);
    const bad = await zh("compare", "case:nope", "runc");
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('compare：没有记录栈 "case:nope"');
    expect(bad.err).not.toContain("no recorded stack");
  });
});

describe("show, list and validate in Chinese", () => {
  it("show: CNCF stages, relation conditions and trait values; an unknown technology or a scenario", async () => {
    const r = await zh("show", "k3s");
    expect(r.out).toContain("CNCF: 沙箱 — 2020-08-19 接纳");
    expect(r.out).toContain("(需要 GPU 时)");
    expect(r.out).toContain("离线自治: 是");
    expect(r.out).not.toMatch(/accepted \d|when gpu|: true —/);
    const bad = await zh("show", "edge");
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('show：未知技术 "edge"（"edge" 是场景：试试 `stackatlas list --scenario edge`）');
    expect(bad.err).not.toMatch(/unknown technology|is a scenario/);
  });

  it("list: bad filters exit 1 in Chinese", async () => {
    const cases: [string[], string][] = [
      [["--level", "zz"], '"zz" 不是任何维度的层次'],
      [["--level", "Q=3"], '"Q=3" 中有未知维度 "Q"'],
      [["--level", "D=9"], '"9" 不是 D（隔离）的层次'],
      [["--role", "foo"], '未知角色 "foo"'],
      [["--cncf", "foo"], '未知的 CNCF 成熟度 "foo"'],
      [["--scenario", "nope"], '未知场景 "nope"'],
      [["--since", "2020", "--until", "2010"], "--since 2020 晚于 --until 2010"],
    ];
    for (const [args, text] of cases) {
      const r = await zh("list", ...args);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.err).toContain(text);
      expect(r.err).not.toMatch(/is not a level|unknown (role|scenario|dimension|CNCF)|is after/);
    }
  });

  it("validate: the counts and the verdict; a broken knowledge base keeps exit 1 and file:line:column", async () => {
    const r = await zh("validate");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/总计：\d+ 项技术、\d+ 条数据（另有 \d+ 条层次数据）、\d+ 条关系/);
    expect(r.out).toMatch(/✔ 知识库校验通过：0 个错误，\d+ 个警告/);
    const warned = await zh("validate", "--data", WARNED_KB);
    expect(warned.code).toBe(0);
    expect(warned.out).toMatch(/警告（\d+）：/);
    expect(warned.out).toContain("ORDERING_CONTRADICTED_BY_TECHNOLOGIES");
    expect(r.out).not.toMatch(/\d+ technologies|facts \(|per level\)|0 errors/);
    const bad = await zh("validate", "--data", BROKEN_KB);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain("sources/seed.yaml:6:9");
    expect(bad.out).toContain("错误（1）：");
    expect(bad.out).toContain("✘ 知识库存在错误：1 个错误，0 个警告");
  });
});

describe("the CLI's own errors in Chinese", () => {
  it("a knowledge base that does not validate: the error line in Chinese, exit 1, the issues where they are", async () => {
    const z = await zh("list", "--data", BROKEN_KB);
    const en = await runCli("list", "--data", BROKEN_KB);
    expect(z.code).toBe(1);
    expect(en.code).toBe(1);
    expect(z.err).toContain(
      `stackatlas: 知识库存在错误：${BROKEN_KB} 中的知识库有 1 个错误。运行 \`stackatlas validate\` 查看完整报告。`,
    );
    expect(z.err).not.toMatch(/the knowledge base in|has 1 error|for the full report/);
    expect(en.err).toContain(
      `stackatlas: knowledge base has errors: the knowledge base in ${BROKEN_KB} has 1 error. Run \`stackatlas validate\` for the full report.`,
    );
    expect(z.err).toContain("sources/seed.yaml:6:9: ");
    expect(en.err).toContain("sources/seed.yaml:6:9: ");
  });

  it("commander's usage errors: the same exit 2, worded in Chinese, the English as it was", async () => {
    const cases: readonly (readonly [readonly string[], string, string])[] = [
      [["recommend", "--bogus"], "错误：未知选项 '--bogus'\n", "error: unknown option '--bogus'\n"],
      [
        ["recommend", "--tpo", "3"],
        "错误：未知选项 '--tpo'\n（是否要找 --top？）\n",
        "error: unknown option '--tpo'\n(Did you mean --top?)\n",
      ],
      [["lookup"], "错误：缺少必需的参数 'coordinate'\n", "error: missing required argument 'coordinate'\n"],
      [
        ["lokup"],
        "错误：未知命令 'lokup'\n（是否要找 lookup？）\n（加 --help 查看用法）\n",
        "error: unknown command 'lokup'\n(Did you mean lookup?)\n(run with --help for usage)\n",
      ],
      [
        ["recommend", "--top", "abc"],
        "错误：选项 '-k, --top <k>' 的参数 'abc' 无效。\"abc\" 不是正整数\n",
        "error: option '-k, --top <k>' argument 'abc' is invalid. \"abc\" is not a positive whole number\n",
      ],
      [
        ["list", "--format", "xml"],
        "错误：选项 '-f, --format <format>' 的参数 'xml' 无效。可选值：table、json、yaml。\n（加 --help 查看用法）\n",
        "error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are table, json, yaml.\n(run with --help for usage)\n",
      ],
    ];
    for (const [args, zhErr, enErr] of cases) {
      const z = await zh(...args);
      const en = await runCli(...args);
      expect(z.code, args.join(" ")).toBe(2);
      expect(en.code, args.join(" ")).toBe(2);
      expect(z.err).toBe(zhErr);
      expect(en.err).toBe(enErr);
    }
  });

  it("the wordings no command here reaches, and anything unknown, pass through usageErrorZh", () => {
    expect(usageErrorZh("error: option '-k, --top <k>' argument missing\n")).toBe(
      "错误：选项 '-k, --top <k>' 缺少参数值\n",
    );
    expect(usageErrorZh("error: required option '--from <x>' not specified\n")).toBe(
      "错误：未指定必需的选项 '--from <x>'\n",
    );
    expect(usageErrorZh("error: too many arguments for 'show'. Expected 1 argument but got 2.\n")).toBe(
      "错误：'show' 的参数过多：应为 1 个，实际为 2 个\n",
    );
    expect(usageErrorZh("error: too many arguments. Expected 0 arguments but got 1.\n")).toBe(
      "错误：参数过多：应为 0 个，实际为 1 个\n",
    );
    expect(usageErrorZh("error: option '--a' cannot be used with option '--b'\n")).toBe(
      "错误：选项 '--a' 不能与选项 '--b' 同时使用\n",
    );
    expect(
      usageErrorZh("error: command-argument value 'x' is invalid for argument 'kind'. Allowed choices are a, b.\n"),
    ).toBe("错误：参数 'kind' 的值 'x' 无效。可选值：a、b。\n");
    expect(usageErrorZh("error: unknown option '--x'\n(Did you mean one of --a, --b?)\n")).toBe(
      "错误：未知选项 '--x'\n（是否要找 --a、--b？）\n",
    );
    expect(usageErrorZh("something else\n")).toBe("something else\n");
  });
});

describe("design in Chinese", () => {
  const ENGLISH =
    /distinct parts|pod overhead|supporting:|today \(from|; keeps|solver:|handler from|no pod overhead|workload class|branch and bound|\bworkload\b|coordinate \/ why not|sandbox for untrusted|Linux compatibility for|, none\)/;

  it("a kubectl export: the table, today's runtimes, the manifests' comments and the solver", async () => {
    const r = await zh("design", join(EX, "saas-cluster-export.json"));
    expect(r.code).toBe(0);
    expect(r.out).toContain("个不同部件；Pod 开销合计");
    expect(r.out).toContain("现状（来自导出）：");
    expect(r.out).toContain("需保留：运行不可信代码的沙箱");
    expect(r.out).toContain("GPU（申请了 1 × nvidia.com/gpu）");
    expect(r.out).toContain("处理器取自知识库：别名 containerd-shim-kata-v2");
    expect(r.out).toContain("处理器取自知识库：OCI 运行时二进制");
    expect(r.out).toContain("# 知识库没有给出该运行时的 Pod 开销");
    expect(r.out).toMatch(/求解：\d+ 个负载类 ≤ 8：精确分支定界；/);
    expect(cells(r.out)).toContain("坐标 / 未满足原因");
    expect(r.out).not.toMatch(ENGLISH);
    // The manifests stay Kubernetes YAML.
    expect(r.out).toContain("kind: RuntimeClass");
    expect(r.out).toContain("handler: kata");
  });

  it("an unmet workload says why in Chinese", async () => {
    const sys = file(
      "gpu.yaml",
      "platform:\n  noGpuNodes: true\nworkloads:\n  - name: infer\n    must:\n      gpu: true\n  - name: api\n",
    );
    const r = await zh("design", sys);
    expect(r.code).toBe(0);
    expect(r.out).toContain("✘ 未满足");
    expect(r.out).toContain("平台没有 GPU 节点（platform.noGpuNodes），无法为该负载提供 GPU");
    expect(r.out).toContain("未满足：");
    expect(r.out).not.toMatch(/unmet|no GPU nodes|nothing can give/);
  });

  it("bad input: exit 1, file:line:column, the problem in Chinese", async () => {
    const bad = file("bad.yaml", "workloads:\n  - name: api\n    replica: 3\n");
    const r = await zh("design", bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `${bad}:3:5: workloads[0].replica: workloads 中有未知的键 "replica"（是否要找 replicas？）`,
    );
    expect(r.err).toContain("design：系统文件中有 1 处问题：");
    expect(r.err).not.toMatch(/unknown key|the system has|did you mean replicas/);

    const typed = file("typed.yaml", 'workloads:\n  - name: api\n    replicas: "x"\n  - name: api\n');
    const t = await zh("design", typed);
    expect(t.code).toBe(1);
    expect(t.err).toContain(`${typed}:3:15: workloads[0].replicas: 无效输入`);

    const yaml = file("syntax.yaml", "workloads: [\n  - name: a\n");
    const y = await zh("design", yaml);
    expect(y.code).toBe(1);
    expect(y.err).toContain(`${yaml}:2:3: YAML 语法错误（`);

    const list = file("list.yaml", "- a\n- b\n");
    const l = await zh("design", list);
    expect(l.code).toBe(1);
    expect(l.err).toContain(`${list}:1:1: 系统文件应是含 \`workloads\`（及 \`platform\`）的映射`);

    const nodes = file(
      "nodes.json",
      JSON.stringify({ apiVersion: "v1", kind: "NodeList", items: [{ kind: "Node", metadata: { name: "n" } }] }),
    );
    const k = await zh("design", nodes);
    expect(k.code).toBe(1);
    expect(k.err).toMatch(
      new RegExp(`${nodes.replace(/[.\\/]/g, "\\$&")}:1:\\d+: items\\[0\\]\\.kind: 导出中只有 Node，没有负载`),
    );
    expect(k.err).not.toMatch(/the export holds|no workloads/);

    const service = file("service.yaml", "apiVersion: v1\nkind: Service\n");
    const s = await zh("design", service);
    expect(s.code).toBe(1);
    expect(s.err).toContain(`${service}:2:7: kind: kind 为 "Service" 的 kubectl 导出中没有负载`);

    const missing = await zh("design", join(dir, "missing.yaml"));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("design：无法读取");
    expect(missing.err).toContain("没有这个文件");
    expect(missing.err).not.toMatch(/cannot read|no such file/);
  });

  it("English stays as it was", async () => {
    const r = await runCli("design", join(EX, "saas-cluster-export.json"));
    expect(r.out).toContain("today (from the export):");
    expect(r.out).toContain(
      "# Kata Containers for tenants/tenant-functions, tenants/debug-shell, tenants/tenant-containers (49 pods); handler from the knowledge base: alias containerd-shim-kata-v2",
    );
    expect(r.out).toMatch(/solver: 5 workload classes ≤ 8: exact branch and bound; \d+ of \d+ shared choices explored/);
    expect(r.out).toContain("keeps a sandbox for untrusted code (gVisor has one today) [gvisor-docs-home]");
  });
});

describe("migrate, observe and diagnose in Chinese", () => {
  it("migrate: slots and risk kinds", async () => {
    const r = await zh(
      "migrate",
      "--from",
      "case:serverless-2020-seed-case-2",
      "--to",
      "case:serverless-2025-seed-case-2",
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain("1. 编排器：Kubernetes 容器编排 → K3s 轻量级 Kubernetes");
    expect(r.out).toContain("! 存疑：");
    expect(r.out).toContain("! 特性变化：适合不可信代码：runc 容器运行时 否 → WasmEdge 运行时 是");
    expect(r.out).toContain("! 宿主机要求：beyla 需要宿主机提供 ebpf");
    expect(r.out).not.toMatch(
      /\d\. (orchestrator|runtime|policy|observability):|! (disputed|trait-change|host-requirement):/,
    );
    const bad = await zh("migrate", "--from", "case:nope", "--to", "K3s");
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('没有记录栈 "case:nope"');
  });

  it("observe: directions, coverage and gaps", async () => {
    const r = await zh("observe", "K3s + WasmEdge");
    expect(r.code).toBe(0);
    const table = cells(r.out);
    expect(table).toContain("横向");
    expect(table).toContain("纵向");
    expect(table).toMatch(/│ 无 /);
    expect(table).not.toMatch(/\b(horizontal|vertical|none|full|partial)\b/);
    expect(r.out).toContain("缺口 O1 链路追踪（缺失）：");
    expect(r.out).toContain("O2 经 ebpf 在 wasmedge 中：部分");
    expect(r.out).toMatch(/\((完整|部分)\)/);
    expect(r.out).not.toMatch(/^gap |\(missing|via ebpf in/m);
  });

  it("diagnose: failure-mode aspects; unknown signals exit 1, none at all exits 2", async () => {
    const r = await zh("diagnose", "--vertical", "Sentry syscall denied", "--stack", "K8s + gVisor");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ {2}(计算|控制|信息): /m);
    expect(r.out).not.toMatch(/^ {2}(computation|control|information): /m);
    const bad = await zh("diagnose", "--vertical", "OOMKiled");
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('diagnose：没有已知的纵向信号（日志或内核事件）与 "OOMKiled" 匹配');
    expect(bad.err).not.toContain("no known");
    const h = await zh("diagnose", "--vertical", "OOMKilled", "--horizontal", "foo bar");
    expect(h.code).toBe(1);
    expect(h.err).toContain("没有已知的横向信号（链路）");
    const none = await zh("diagnose");
    expect(none.code).toBe(2);
    expect(none.err).toContain("diagnose：请给出 --vertical TEXT");
  });
});

describe("analyze and export in Chinese", () => {
  it("analyze: the counts, communities, gaps and findings", async () => {
    const r = await zh("analyze");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d+ 项技术，\d+ 条关系$/m);
    expect(r.out).toMatch(/社区（模块度 [\d.]+）：/);
    expect(r.out).toContain("维度相关（基于记录栈）：");
    expect(r.out).toMatch(/一致性（\d+）：/);
    // An isolated technology, if the knowledge base has one, is worded in Chinese (no English
    // "has no relation" below); since Incus and LXD depend on LXC the shipped base has none.
    for (const line of r.out.split("\n").filter((l) => l.includes("孤立技术")))
      expect(line).toMatch(/孤立技术：\S+ 与其他技术没有任何关系/);
    expect(r.out).toContain("记录栈不完整：");
    expect(cells(r.out)).toContain("介数中心性");
    expect(r.out).not.toMatch(
      /communities|modularity|consistency|has no relation|depends on|cells no recorded|isolated-technology|incomplete-recorded-stack|betweenness/,
    );
  });

  it("export: a half migration exits 2; a file written is said in Chinese", async () => {
    const half = await zh("export", "--from", "K8s");
    expect(half.code).toBe(2);
    expect(half.err).toContain("export：迁移需要同时给出 --from 和 --to");
    const out = join(dir, "m.mmd");
    const w = await zh("export", "--as", "mermaid", "--from", "K8s + runc", "--to", "K3s + WasmEdge", "-o", out);
    expect(w.code).toBe(0);
    expect(w.err).toContain(`已写入 ${out}`);
    const unknown = await zh("export", "--stack", "K3s + Foo");
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('未知技术 "Foo"');
  });
});

describe("timeline, path, scenario and predict in Chinese", () => {
  it("timeline: kinds, CNCF stages, lineages and the note", async () => {
    const r = await zh("timeline", "--from", "2017", "--to", "2019");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/时间线 2017–2019：\d+ 个事件/);
    expect(r.out).toContain("CNCF 接纳");
    expect(r.out).toContain("谱系：");
    expect(r.out).toContain("[层次演进]");
    expect(r.out).toContain("注：知识库中的取代（`supersedes`）关系");
    expect(cells(r.out)).toMatch(/│ 发布 /);
    expect(r.out).not.toMatch(/note:|first released|lineages|CNCF accepted|\[level\]|\[succession\]|│ release /);
    const back = await zh("timeline", "--from", "2020", "--to", "2010");
    expect(back.code).toBe(1);
    expect(back.err).toContain("timeline：--from 2020 晚于 --to 2010");
    const both = await zh("timeline", "--level", "L-4", "--dimension", "D=4");
    expect(both.code).toBe(2);
    expect(both.err).toContain("只能给一个");
  });

  it("path: bad ranges and series exit 1 in Chinese", async () => {
    const back = await zh("path", "serverless", "--from", "2025", "--to", "2020");
    expect(back.code).toBe(1);
    expect(back.err).toContain("path：--from 2025 晚于 --to 2020");
    const series = await zh("path", "serverless", "--series", "nope");
    expect(series.code).toBe(1);
    expect(series.err).toContain('path：场景 serverless 没有案例系列 "nope"');
    const cncf = await zh("path", "serverless", "--from", "2018", "--to", "2018");
    expect(cncf.out).toContain("CNCF 毕业 2018-03-06");
    expect(cncf.out).not.toContain("CNCF graduated");
  });

  it("scenario: the kind of each recorded stack", async () => {
    const r = await zh("scenario", "edge");
    expect(cells(r.out)).toContain("参考栈");
    expect(cells(r.out)).not.toMatch(/│ reference /);
  });

  it("predict: the method and the confidence line; bad input keeps its exit codes", async () => {
    const r = await zh("predict", "边缘计算", "--from", "2025", "--years", "2");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/边缘计算：2025–2027，以 2025 年的记录为起点（历史 \d{4}–2025，\d+ 个案例）/);
    expect(r.out).toContain("分割共形法");
    expect(r.out).toContain("记录值");
    expect(r.out).toContain("驱动因素");
    expect(r.out).not.toMatch(/most likely|no signal|anchored|recorded\)|released|\d+ cases?,|│ (driver|watch) /);
    const cases: [string[], number, string][] = [
      [["predict", "edge", "--years", "99"], 1, "predict：--years 99 须在 0–50 之间"],
      [["predict", "edge", "--years", "x"], 2, '"x" 不是整数年数'],
      [["predict"], 2, "predict：请给出场景，或使用 --projects 或 --backtest"],
      [["predict", "edge", "--projects"], 2, "predict：场景和 --projects 只能给一个"],
      [["predict", "edge", "--backtest"], 2, "predict：--backtest 评估的是项目模型；请去掉场景"],
      [["predict", "--backtest", "--landscape", join(repo, "no-such-landscape.yml")], 1, "处没有 landscape 文件"],
    ];
    for (const [args, code, text] of cases) {
      const b = await zh(...args);
      expect(b.code, args.join(" ")).toBe(code);
      expect(b.err).toContain(text);
    }
  });

  it("predict --projects and --backtest: the tables in Chinese", async () => {
    const p = await zh("predict", "--projects", "--project", "k3s", "--landscape", landscape);
    expect(p.code).toBe(0);
    expect(p.out).toMatch(/截至 \d{4}-\d{2}-\d{2}，2 年内；置信度来自回测/);
    expect(cells(p.out)).toContain("置信度（实测）");
    expect(p.out).not.toMatch(/as of|within 2 years|backtest forecasts in|│ (archival|incubation|graduation) /);
    const b = await zh("predict", "--backtest", "--landscape", landscape);
    expect(b.code).toBe(0);
    expect(b.out).toMatch(/^回测：按 2021-12-31 时的数据拟合，在 2025-12-31 评分/m);
    expect(b.out).toContain("校准：");
    expect(b.out).toContain("场景预测：名义 80% 区间");
    expect(b.out).not.toMatch(
      /backtest: fit on|calibration:|baseline:|model \(discrete|scenario forecasts|no signal|exact \d|persistence/,
    );
    const bad = await zh("predict", "--backtest", "--cutoff", "2021-13-01", "--landscape", landscape);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("不是 'YYYY-MM-DD' 格式的日期");
    const nope = await zh("predict", "--projects", "--project", "nosuchproj", "--landscape", landscape);
    expect(nope.code).toBe(1);
    expect(nope.err).toContain('CNCF 全景图中没有名为 "nosuchproj" 的项目');
  });
});

describe("import cncf-landscape in Chinese", () => {
  it("a missing or unusable landscape exits 1, with file:line:column", async () => {
    const missing = await zh("import", "cncf-landscape", join(dir, "none.yml"));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("import：");
    expect(missing.err).toContain("处没有 landscape 文件（请给出 landscape.yml 的路径）");
    const bad = file("bad-landscape.yml", "landscape: [\n");
    const r = await zh("import", "cncf-landscape", bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`import：${bad} 不是可用的 CNCF 全景图（1 个错误）：`);
    expect(r.err).toContain(`${bad}:2:1: error LANDSCAPE_YAML`);
    expect(r.err).not.toContain("is not a usable");
    const mapping = await zh("import", "cncf-landscape", bad, "--mapping", join(dir, "none.yaml"));
    expect(mapping.code).toBe(1);
    expect(mapping.err).toContain("处没有映射表");
  });

  it("the summary", async () => {
    const r = await zh("import", "cncf-landscape", landscape, "--dry-run");
    expect(r.out).toMatch(/：\d+ 项（其中 \d+ 个 CNCF 项目）/);
    expect(r.out).toContain("  新增 ");
    expect(r.out).toContain("试运行：没有写入任何文件");
    expect(cells(r.out)).toMatch(/│ 跳过 +│ 原因 /);
    expect(r.out).not.toMatch(/items \(|added {3}|merged {2}|skipped |dry run|nothing written/);
  });
});

describe("the HTTP API in Chinese (?lang=zh)", () => {
  let app: AtlasApp;
  beforeAll(() => {
    app = testApp();
  });
  const error = async (res: Response | Promise<Response>) => (await (await res).json()) as ErrorJson;

  it("design: 400 with the problems located", async () => {
    const res = await postJson(app, "/api/design?lang=zh", { system: "workloads:\n  - name: api\n    colour: red\n" });
    expect(res.status).toBe(400);
    const e = await error(res);
    expect(e.error.message).toContain("design：系统文件中有 1 处问题：");
    expect(e.error.message).toContain('system:3:5: workloads[0].colour: workloads 中有未知的键 "colour"');
    const kind = await postJson(app, "/api/design?lang=zh", { system: "apiVersion: v1\nkind: Service\n" });
    expect(kind.status).toBe(400);
    expect((await error(kind)).error.message).toContain('kind 为 "Service" 的 kubectl 导出中没有负载');
  });

  it("locate, technologies, timeline and export: their errors", async () => {
    const stack = await postJson(app, "/api/locate?lang=zh", { stack: "K3s + Foo" });
    expect(stack.status).toBe(404);
    expect((await error(stack)).error.message).toContain('技术栈：未知技术 "Foo"');
    const view = await postJson(app, "/api/locate?lang=zh", { stack: "K3s", view: "zz" });
    expect((await error(view)).error.message).toBe('locate：未知架构视图 "zz"');
    const tech = await app.request("/api/technologies/edge?lang=zh");
    expect(tech.status).toBe(404);
    expect((await error(tech)).error.message).toBe('未知技术 "edge"（"edge" 是场景：见 /api/scenarios/edge）');
    const level = await app.request("/api/technologies?level=zz&lang=zh");
    expect(level.status).toBe(400);
    expect((await error(level)).error.message).toBe('"zz" 不是任何维度的层次');
    const role = await app.request("/api/technologies?role=foo&lang=zh");
    expect(role.status).toBe(400);
    expect((await error(role)).error.message).toMatch(/^请求无效：query\.role\.0：无效选项：期望以下之一 "hardware"/);
    const both = await app.request("/api/timeline?level=L-4&dimension=D%3D4&lang=zh");
    expect(both.status).toBe(400);
    expect((await error(both)).error.message).toBe("timeline：level 和 dimension 只能给一个");
    const half = await app.request("/api/export?from=K8s&lang=zh");
    expect(half.status).toBe(400);
    expect((await error(half)).error.message).toBe("export：迁移需要同时给出 from 和 to");
  });

  it("a request that fails its schema: the validation hook answers in Chinese", async () => {
    const res = await postJson(app, "/api/locate?lang=zh", { stack: 3 });
    expect(res.status).toBe(400);
    const e = await error(res);
    expect(e.error.code).toBe("INVALID_INPUT");
    expect(e.error.message).toMatch(/^请求无效：body\.stack：无效输入：期望 string，实际接收 number$/);
    expect(e.error.issues[0]?.message).toBe("无效输入：期望 string，实际接收 number");
    const en = await error(postJson(app, "/api/locate", { stack: 3 }));
    expect(en.error.message).toBe("invalid request: body.stack: Invalid input: expected string, received number");
  });
});
