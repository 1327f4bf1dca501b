/** @module cli/_write-file-atomic — write a file the user named so that it is never left half-written. */
import { randomBytes } from "node:crypto";
import { renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { InvalidArgumentError } from "../errors.js";
import { CLI_CANNOT_WRITE } from "../i18n/cli-phrases.js";
import type { Lang } from "../i18n/lang.js";

/**
 * Writes `text` to `file` atomically: a temporary file of a random name beside it, created exclusively,
 * then renamed over it. A kill or a full disk leaves the old file (or none), never a truncated one; an
 * existing file keeps its permission bits. Throws an {@link InvalidArgumentError} that says why.
 * @example writeFileAtomic("graph.json", text, "en")
 */
export function writeFileAtomic(file: string, text: string, lang: Lang): void {
  const tmp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    let mode = 0o666;
    try {
      mode = statSync(file).mode & 0o7777;
    } catch {
      // A new file: the default mode, less the umask.
    }
    writeFileSync(tmp, text, { flag: "wx", mode });
    renameSync(tmp, file);
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      // Never created, or already renamed.
    }
    const why = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InvalidArgumentError(CLI_CANNOT_WRITE(lang, { file, why }), { cause: error });
  }
}
