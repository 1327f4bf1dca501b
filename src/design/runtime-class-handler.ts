/** @module design/runtime-class-handler — the Kubernetes RuntimeClass handler of a runtime, and back, read from the knowledge base's names. */
import { DESIGN, type HandlerHow } from "../i18n/design-phrases.js";
import type { CompiledTechnology, Kb } from "../kb/kb.js";

/** A shim's containerd runtime type, `io.containerd.<handler>.v<N>`. */
const RUNTIME_TYPE = /^io\.containerd\.([a-z0-9]+)\.v\d+$/;
/** A shim v2 binary, `containerd-shim-<handler>-v<N>`. */
const SHIM_BINARY = /^containerd-shim-([a-z0-9]+)-v\d+$/;
/** A runtime binary name: one lower-case token. */
const BINARY = /^[a-z][a-z0-9]*$/;

export interface RuntimeClassHandler {
  readonly handler: string;
  /** How the handler was read from the knowledge base, in words (English; `how` for other languages). */
  readonly from: string;
  readonly how: HandlerHow;
}

function found(handler: string, how: HandlerHow): RuntimeClassHandler {
  return { handler, from: DESIGN.handlerFrom("en", how), how };
}

const cache = new WeakMap<Kb, Map<string, RuntimeClassHandler | null>>();

function fromAliases(t: CompiledTechnology, shim?: string): RuntimeClassHandler | undefined {
  for (const a of t.aliases) {
    const m = RUNTIME_TYPE.exec(a) ?? SHIM_BINARY.exec(a);
    if (m?.[1]) return found(m[1], { alias: a, ...(shim === undefined ? {} : { shim }) });
  }
  return undefined;
}

/**
 * The handler a RuntimeClass names to select this runtime, as containerd and CRI-O configure it:
 * from the runtime's own shim alias (`containerd-shim-kata-v2` → `kata`), from the containerd runtime
 * type of a shim that runs it or that it depends on (`io.containerd.wasmedge.v1` → `wasmedge`), or, for
 * an OCI runtime, its binary name (`runsc` for gVisor, `runc`). None: the runtime cannot be selected
 * per pod through a RuntimeClass (Firecracker alone, V8 isolates, KubeVirt's VMs).
 * @example runtimeClassHandler(kb, "gvisor")?.handler // "runsc"
 */
export function runtimeClassHandler(kb: Kb, id: string): RuntimeClassHandler | undefined {
  let m = cache.get(kb);
  if (!m) {
    m = new Map();
    cache.set(kb, m);
  }
  const hit = m.get(id);
  if (hit !== undefined) return hit ?? undefined;
  const found = compute(kb, id);
  m.set(id, found ?? null);
  return found;
}

function compute(kb: Kb, id: string): RuntimeClassHandler | undefined {
  const t = kb.technologies.get(id);
  if (!t) return undefined;
  const own = fromAliases(t);
  if (own) return own;
  const shims = [
    ...kb.relations
      .in(id, "runs-on")
      .map((r) => kb.technologies.get(r.from))
      .filter((s): s is CompiledTechnology => s?.role === "shim"),
    ...kb.relations
      .out(id, "depends-on")
      .flatMap((r) => r.targets.map((x) => kb.technologies.get(x)))
      .filter((s): s is CompiledTechnology => s?.role === "shim"),
  ].sort((a, b) => a.id.localeCompare(b.id));
  for (const s of shims) {
    const h = fromAliases(s, s.id);
    if (h) return h;
  }
  if (kb.relations.out(id, "implements").some((r) => r.targets.includes("oci-runtime-spec"))) {
    const alias = t.aliases.find((a) => BINARY.test(a));
    return alias ? found(alias, { binary: true, alias }) : found(id, { binary: true });
  }
  return undefined;
}

/**
 * The runtime a RuntimeClass handler selects: an exact handler of a runtime in the knowledge base, the
 * handler's family before its first `-` (`kata-fc`, `kata-qemu` → Kata; `runsc-debug` → gVisor), else
 * any technology the handler names (an id or alias).
 * @example technologyForHandler(kb, "kata-fc") // "kata-containers"
 */
export function technologyForHandler(kb: Kb, handler: string): string | undefined {
  const byHandler = new Map<string, string>();
  for (const t of [...kb.technologies.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    if (!["runtime", "hypervisor", "platform"].includes(t.role)) continue;
    const h = runtimeClassHandler(kb, t.id);
    if (h && !byHandler.has(h.handler)) byHandler.set(h.handler, t.id);
  }
  const h = handler.trim().toLowerCase();
  const family = h.split("-")[0] ?? h;
  const named = (x: string) => {
    const m = kb.resolveName(x);
    return m?.kind === "technology" ? m.id : undefined;
  };
  return byHandler.get(h) ?? byHandler.get(family) ?? named(h) ?? named(family);
}
