/** @module server/kb-load-worker — a worker thread that reads, parses and validates a knowledge-base folder for a reload, off the event loop. */
import { BUILD_ID } from "../cli/build-id.js";
import { type SafeLoadKbInputResult, safeLoadKbInput } from "../kb/load-kb.js";

/** What a reload asks: the folder. */
export interface KbLoadTask {
  readonly dir: string;
}

/**
 * Reads the folder (piscina calls this): the validated data, ready to compile, or every problem. The
 * bundled worker keeps the CLI's snapshot of what it validated, so the compute workers and the next
 * start read it instead of parsing again. An I/O error the loader did not turn into an issue (a file
 * that vanished mid-read) rejects with its code as the message: the reload fails, the server goes on.
 */
export default function loadTask(task: KbLoadTask): SafeLoadKbInputResult {
  try {
    return safeLoadKbInput(task.dir, BUILD_ID === undefined ? {} : { snapshotBuild: BUILD_ID });
  } catch (error) {
    // An error crossing threads keeps its message only.
    throw new Error((error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error)));
  }
}
