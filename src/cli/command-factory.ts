/** @module cli/command-factory — the shape of a command file's export. */
import type { Command } from "@commander-js/extra-typings";
import type { CliContext } from "./_context.js";

/** Builds one command; it reads the running invocation's context when its action runs. */
// biome-ignore lint/suspicious/noExplicitAny: commands differ in their typed arguments and options
export type CommandFactory = (context: () => CliContext) => Command<any, any, any>;
