// The container build file and the Kubernetes manifests under deploy/: each manifest is valid against
// the Kubernetes API schemas (kubernetes-models, generated from the OpenAPI of Kubernetes), the pieces
// refer to each other correctly, the pod is locked down, and every flag they pass to `serve` exists.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Deployment } from "kubernetes-models/apps/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { Service } from "kubernetes-models/v1";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "./_cli.js";

const repo = resolve(import.meta.dirname, "..");
const dir = resolve(repo, "deploy/kubernetes");
const read = (name: string) => parse(readFileSync(resolve(dir, name), "utf8")) as Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: a manifest is an arbitrary YAML tree, checked below.
type Tree = any;

const MODELS = {
  "deployment.yaml": (m: Tree) => new Deployment(m),
  "service.yaml": (m: Tree) => new Service(m),
  "hpa.yaml": (m: Tree) => new HorizontalPodAutoscaler(m),
  "pdb.yaml": (m: Tree) => new PodDisruptionBudget(m),
} as const;

/** The long options `serve --help` lists. */
async function serveFlags(): Promise<Set<string>> {
  const help = await runCli("serve", "--help");
  return new Set(help.out.match(/--[a-z][a-z-]*/g) ?? []);
}

describe("Kubernetes manifests", () => {
  it.each(Object.keys(MODELS))("%s is valid against the Kubernetes schema", (name) => {
    const model = MODELS[name as keyof typeof MODELS](read(name));
    expect(() => model.validate()).not.toThrow();
  });

  it("the schema check can fail: a wrong type and a missing field are refused", () => {
    const bad: Tree = read("deployment.yaml");
    bad.spec.replicas = "two";
    expect(() => new Deployment(bad).validate()).toThrow(/replicas/);
    const noSelector: Tree = read("deployment.yaml");
    delete noSelector.spec.selector;
    expect(() => new Deployment(noSelector).validate()).toThrow(/selector/);
  });

  it("kustomization lists every manifest, and every one exists", () => {
    const k = read("kustomization.yaml") as { resources: string[] };
    expect(new Set(k.resources)).toEqual(new Set(Object.keys(MODELS)));
  });

  it("the Service, HPA and PDB select and target the Deployment", () => {
    const d: Tree = read("deployment.yaml");
    const labels = d.spec.template.metadata.labels;
    expect(d.spec.selector.matchLabels).toEqual(labels);
    const svc: Tree = read("service.yaml");
    expect(svc.spec.selector).toEqual(labels);
    const port = d.spec.template.spec.containers[0].ports[0];
    expect(svc.spec.ports[0].targetPort).toBe(port.name);
    const hpa: Tree = read("hpa.yaml");
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: "Deployment", name: d.metadata.name });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    const pdb: Tree = read("pdb.yaml");
    expect(pdb.spec.selector.matchLabels).toEqual(labels);
  });

  it("the pod runs as non-root on a read-only root, probes /readyz and /healthz, and has requests", async () => {
    const d: Tree = read("deployment.yaml");
    const pod = d.spec.template.spec;
    const c = pod.containers[0];
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
    expect(c.securityContext.capabilities.drop).toContain("ALL");
    expect(c.readinessProbe.httpGet.path).toBe("/readyz");
    expect(c.livenessProbe.httpGet.path).toBe("/healthz");
    expect(c.resources.requests.cpu).toBeDefined();
    expect(c.resources.requests.memory).toBeDefined();
    // The cache goes to a writable volume, since the root is read-only.
    const cache = c.env.find((e: Tree) => e.name === "XDG_CACHE_HOME").value;
    expect(c.volumeMounts.map((m: Tree) => m.mountPath)).toContain(cache);
    // The port it listens on is the port it declares.
    const args: string[] = c.args;
    expect(args[args.indexOf("--port") + 1]).toBe(String(c.ports[0].containerPort));
    const flags = await serveFlags();
    for (const a of args.filter((x) => x.startsWith("--"))) expect(flags, a).toContain(a);
  });
});

describe("Dockerfile", () => {
  const text = readFileSync(resolve(repo, "Dockerfile"), "utf8");
  const instr = (name: string) =>
    text
      .split("\n")
      .filter((l) => l.startsWith(`${name} `))
      .map((l) => l.slice(name.length + 1).trim());

  it("builds in two stages and runs as an unprivileged user", () => {
    expect(instr("FROM").length).toBeGreaterThanOrEqual(2);
    const user = instr("USER").at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
  });

  it("exposes the port the server listens on and checks /healthz there", async () => {
    const cmd = JSON.parse(instr("CMD").at(-1) ?? "[]") as string[];
    const port = cmd[cmd.indexOf("--port") + 1];
    expect(instr("EXPOSE")).toContain(port);
    expect(text).toMatch(new RegExp(`HEALTHCHECK[\\s\\S]*127\\.0\\.0\\.1:${port}/healthz`));
    const flags = await serveFlags();
    for (const a of cmd.filter((x) => x.startsWith("--"))) expect(flags, a).toContain(a);
  });

  it("the image's Node major is one the package supports", () => {
    const pkg = JSON.parse(readFileSync(resolve(repo, "package.json"), "utf8")) as { engines: { node: string } };
    const min = Number(/(\d+)/.exec(pkg.engines.node)?.[1]);
    for (const from of instr("FROM")) expect(Number(/node:(\d+)/.exec(from)?.[1])).toBeGreaterThanOrEqual(min);
  });
});
