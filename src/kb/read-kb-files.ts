/** @module kb/read-kb-files — walk a knowledge-base folder and read its data files, refusing oversized ones. */
import { type Dirent, existsSync, lstatSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type DataFileKind, dataFileKind } from "./data-files.js";
import { ISSUE_SEVERITY, type Issue } from "./issue.js";

/** The largest data file read (1 MiB): a knowledge-base file is hand-written YAML, never this big. */
export const MAX_KB_FILE_BYTES = 1024 * 1024;

/** Files every knowledge base has. */
export const REQUIRED_KB_FILES: readonly string[] = ["dimensions.yaml", "vocabulary.yaml"];

/** A data file read from a knowledge-base folder. */
export interface KbFile {
  /** Path relative to the knowledge-base folder, forward slashes. */
  readonly relativePath: string;
  readonly absolutePath: string;
  readonly kind: DataFileKind;
  readonly text: string;
}

export interface ReadKbFilesOptions {
  /** Refuse files larger than this many bytes (default {@link MAX_KB_FILE_BYTES}). */
  readonly maxFileBytes?: number;
}

export interface ReadKbFilesResult {
  /** The data files, sorted by path so issues come out in a stable order. */
  readonly files: readonly KbFile[];
  readonly issues: readonly Issue[];
}

// Folders and files that live beside the data without being data: JSON Schemas, the CNCF landscape
// snapshot (outside data, read only by the landscape import), docs, dotfiles.
const IGNORED_DIRS = new Set(["schema", "landscape", "node_modules"]);
const IGNORED_FILE = /(^\.|\.md$|^LICENSE|^expected\.json$|^options\.json$)/;

/** A data file found by {@link listKbFiles}, not read yet. */
export interface ListedKbFile {
  readonly relativePath: string;
  readonly absolutePath: string;
  readonly kind: DataFileKind;
}

export interface ListKbFilesResult {
  readonly files: readonly ListedKbFile[];
  readonly issues: readonly Issue[];
}

/**
 * A file or folder that could not be listed, stat'ed or read: it vanished between listing and reading
 * (an editor's save, `git checkout`, `rsync --delete`), or the file system refused (EACCES, EIO).
 */
function unreadable(rel: string, error: unknown): Issue {
  const why = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
  return {
    code: "FILE_UNREADABLE",
    severity: ISSUE_SEVERITY.FILE_UNREADABLE,
    file: rel,
    path: [],
    message: `${rel} could not be read (${why})`,
    hint:
      why === "ENOENT"
        ? "it vanished while the folder was read (a save or checkout in progress?); the next change reads it again"
        : "check that the file exists and is readable by this process",
  };
}

/**
 * Lists the data files under `dir` without reading them: oversized files are refused (FILE_TOO_LARGE),
 * files that are no data file are reported as warnings (UNKNOWN_FILE), entries that cannot be listed or
 * stat'ed as FILE_UNREADABLE. Never throws on an I/O error.
 * @example const { files } = listKbFiles("data"); files.map((f) => f.relativePath)
 */
export function listKbFiles(dir: string, options: ReadKbFilesOptions = {}): ListKbFilesResult {
  const maxBytes = options.maxFileBytes ?? MAX_KB_FILE_BYTES;
  const files: ListedKbFile[] = [];
  const issues: Issue[] = [];
  let isDir = false;
  try {
    isDir = existsSync(dir) && lstatSync(dir).isDirectory();
  } catch {
    // Vanished between the two calls: reported below as missing.
  }
  if (!isDir) {
    issues.push({
      code: "MISSING_FILE",
      severity: ISSUE_SEVERITY.MISSING_FILE,
      file: ".",
      path: [],
      message: `the knowledge-base folder ${dir} does not exist or is not a folder`,
      hint: "pass the folder that holds dimensions.yaml (--data DIR)",
    });
    return { files, issues };
  }
  const walk = (absDir: string, relDir: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(absDir, { withFileTypes: true });
    } catch (error) {
      issues.push(unreadable(relDir === "" ? "." : relDir, error));
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const rel = relDir === "" ? e.name : `${relDir}/${e.name}`;
      const abs = join(absDir, e.name);
      if (e.isDirectory()) {
        if (!IGNORED_DIRS.has(e.name) && !e.name.startsWith(".")) walk(abs, rel);
        continue;
      }
      if (IGNORED_FILE.test(e.name)) continue;
      // Symlinks and other special files are not followed: a knowledge base is plain files.
      const kind = e.isFile() ? dataFileKind(rel) : undefined;
      if (kind === undefined) {
        issues.push({
          code: "UNKNOWN_FILE",
          severity: ISSUE_SEVERITY.UNKNOWN_FILE,
          file: rel,
          path: [],
          message: `${rel} is no knowledge-base data file and is ignored`,
          hint: /\.yml$/.test(rel)
            ? "data files end in .yaml"
            : "data files are dimensions.yaml, vocabulary.yaml, scenarios.yaml, claims.yaml, diagnostics.yaml, sources/*.yaml, technologies/*.yaml, cases/*.yaml and deployments/*.yaml",
        });
        continue;
      }
      let size: number;
      try {
        size = lstatSync(abs).size;
      } catch (error) {
        issues.push(unreadable(rel, error));
        continue;
      }
      if (size > maxBytes) {
        issues.push({
          code: "FILE_TOO_LARGE",
          severity: ISSUE_SEVERITY.FILE_TOO_LARGE,
          file: rel,
          path: [],
          message: `${rel} is ${size} bytes, above the ${maxBytes}-byte limit of a data file; it was not read`,
          hint: "split it into several files (one technology or case per file)",
        });
        continue;
      }
      files.push({ relativePath: rel, absolutePath: abs, kind });
    }
  };
  walk(dir, "");
  return { files, issues };
}

/**
 * Reads listed data files; one that cannot be read any more (it vanished since it was listed, or the
 * file system refuses) is a FILE_UNREADABLE issue, never a throw.
 * @example const listed = listKbFiles("data"); const { files, issues } = readListedFiles(listed.files);
 */
export function readListedFiles(listed: readonly ListedKbFile[]): ListKbFilesResult & { files: readonly KbFile[] } {
  const files: KbFile[] = [];
  const issues: Issue[] = [];
  for (const f of listed) {
    try {
      files.push({ ...f, text: readFileSync(f.absolutePath, "utf8") });
    } catch (error) {
      issues.push(unreadable(f.relativePath, error));
    }
  }
  return { files, issues };
}

/**
 * Reads every data file under `dir` ({@link listKbFiles}, then {@link readListedFiles}); required files
 * that are absent are reported as MISSING_FILE. Never throws on an I/O error.
 * @example const { files, issues } = readKbFiles("data");
 */
export function readKbFiles(dir: string, options: ReadKbFilesOptions = {}): ReadKbFilesResult {
  const listed = listKbFiles(dir, options);
  if (listed.files.length === 0 && listed.issues.some((i) => i.code === "MISSING_FILE" && i.file === ".")) {
    return { files: [], issues: listed.issues };
  }
  const read = readListedFiles(listed.files);
  const files = read.files;
  const issues = [...listed.issues, ...read.issues];
  for (const required of REQUIRED_KB_FILES) {
    const present = files.some((f) => f.relativePath === required);
    const refused = issues.some((i) => i.file === required);
    if (!present && !refused) {
      issues.push({
        code: "MISSING_FILE",
        severity: ISSUE_SEVERITY.MISSING_FILE,
        file: required,
        path: [],
        message: `${required} is missing: every knowledge base declares it`,
        hint: `create ${required} in ${dir}`,
      });
    }
  }
  return { files, issues };
}
