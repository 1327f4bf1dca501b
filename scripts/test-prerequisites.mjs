// `npm test`'s pretest: what the tests need beyond npm packages, found or installed here.
// The browser tests (test/e2e) drive Debian's Chromium and need a CJK font to draw Chinese pages.
// (Graphviz comes from an npm package, @viz-js/viz, as WebAssembly.) When something is missing, it is
// installed with apt-get if this runs as root on a Debian-like system and STACKATLAS_NO_APT is unset;
// otherwise the script stops and prints the exact command to run.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The Debian packages still needed, by what is found on this machine. */
function missing() {
  const need = [];
  if (!existsSync(chromium)) need.push("chromium");
  const fonts = spawnSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" });
  if (fonts.status !== 0 || fonts.stdout.trim() === "") need.push("fonts-wqy-zenhei");
  return need;
}

/** Runs a command quietly; on failure prints the end of what it said. */
function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { stdio: ["ignore", "pipe", "pipe"], env, encoding: "utf8" });
  if (r.status !== 0) console.error(`${r.stdout ?? ""}${r.stderr ?? ""}`.split("\n").slice(-20).join("\n"));
  return r.status === 0;
}

const need = missing();
if (need.length === 0) process.exit(0);

const command = `apt-get install -y ${need.join(" ")}`;
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
if (isRoot && hasApt && !process.env.STACKATLAS_NO_APT) {
  console.error(`pretest: the browser tests need ${need.join(" and ")}; installing: ${command}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const ok = run("apt-get", ["update", "-qq"], env) && run("apt-get", ["install", "-y", "-qq", ...need], env);
  const still = ok ? missing() : need;
  if (still.length === 0) process.exit(0);
  console.error(`pretest: the install did not provide ${still.join(" and ")}; run: ${command}`);
  process.exit(1);
}
console.error(
  [
    `pretest: the browser tests need ${need.join(" and ")}, which this machine lacks.`,
    `Install ${need.length === 1 ? "it" : "them"} and run npm test again:`,
    `  sudo ${command}`,
    need.includes("chromium") ? "(or set CHROMIUM_PATH to a Chromium binary you have)" : "",
  ]
    .filter(Boolean)
    .join("\n"),
);
process.exit(1);
