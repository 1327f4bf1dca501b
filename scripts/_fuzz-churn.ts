// The file-system side of `npm run fuzz`: a copy of data/ that `serve --watch` reads while it is edited the
// ways that used to blind or kill the server (atomic saves, a file that vanishes and comes back, a file over
// the data budget, an invalid edit), and a snapshot cache poisoned before the server starts.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./_serve.js";

export interface FuzzFolders {
  /** The copy of data/ the server watches. */
  readonly data: string;
  /** The server's snapshot cache (STACKATLAS_CACHE_DIR), poisoned before it starts. */
  readonly cache: string;
  /** The name `k3s` has in the data files (what the poisoned snapshot must never serve). */
  readonly k3sName: string;
  readonly poisonedName: string;
  /** How many cache files were tampered with. */
  readonly poisonedFiles: number;
  remove(): void;
}

const K3S = join("technologies", "k3s.yaml");

/**
 * Copies data/ to a temporary folder, writes its snapshot with the CLI, then rewrites the technology's
 * name inside every cache file (the checksum line left as it was): a server that trusted the snapshot
 * would serve the poisoned name.
 */
export function prepareFolders(): FuzzFolders {
  const root = mkdtempSync(join(tmpdir(), "stackatlas-fuzz-"));
  const data = join(root, "data");
  const cache = join(root, "cache");
  cpSync(join(ROOT, "data"), data, { recursive: true });
  execFileSync(process.execPath, [join(ROOT, "bin", "stackatlas.mjs"), "lookup", "D=4", "--data", data], {
    env: { ...process.env, STACKATLAS_CACHE_DIR: cache },
    stdio: "ignore",
  });
  const k3sName = /names: \{ en: ([^,]+),/.exec(readFileSync(join(data, K3S), "utf8"))?.[1] ?? "K3s";
  const poisonedName = "Poisoned-K3s";
  let poisonedFiles = 0;
  for (const f of readdirSync(cache)) {
    const file = join(cache, f);
    const text = readFileSync(file, "utf8");
    const poisoned = text.replaceAll(`"${k3sName}"`, `"${poisonedName}"`);
    if (poisoned !== text) {
      writeFileSync(file, poisoned);
      poisonedFiles++;
    }
  }
  return { data, cache, k3sName, poisonedName, poisonedFiles, remove: () => rmSync(root, { recursive: true }) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Churn {
  /** Edits made, by kind. */
  readonly counts: Map<string, number>;
  /** Stops editing and leaves the folder valid, k3s.yaml as last saved. */
  stop(): Promise<void>;
}

/** Edits the watched folder every `everyMs` until stopped: one kind of edit after another. */
export function churn(data: string, everyMs: number): Churn {
  const counts = new Map<string, number>();
  const k3s = join(data, K3S);
  const original = readFileSync(k3s, "utf8");
  let stopped = false;
  let n = 0;
  const edits: [string, () => Promise<void>][] = [
    [
      "atomic save",
      async () => {
        const tmp = join(data, "technologies", `.k3s.yaml.${n}.tmp`);
        writeFileSync(tmp, `${original}# saved ${n}\n`);
        renameSync(tmp, k3s);
      },
    ],
    [
      "file vanishes and returns",
      async () => {
        const file = join(data, "technologies", "runc.yaml");
        const away = join(data, "..", "runc.yaml.away");
        renameSync(file, away);
        await sleep(150);
        renameSync(away, file);
      },
    ],
    [
      "file over the budget",
      async () => {
        const file = join(data, "technologies", "zz-huge.yaml");
        // Over the 1 MiB a data file may have: refused before it is parsed.
        writeFileSync(file, `id: zz-huge\n${Array.from({ length: 90_000 }, (_, i) => `k${i}: ${i}`).join("\n")}\n`);
        await sleep(everyMs / 2);
        rmSync(file, { force: true });
      },
    ],
    [
      "invalid edit",
      async () => {
        writeFileSync(k3s, `${original}\nrole: [not, a, role\n`);
        await sleep(everyMs / 2);
        writeFileSync(k3s, original);
      },
    ],
  ];
  const loop = (async () => {
    while (!stopped) {
      await sleep(everyMs);
      if (stopped) break;
      const [kind, edit] = edits[n % edits.length]!;
      n++;
      await edit();
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
  })();
  return {
    counts,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}
