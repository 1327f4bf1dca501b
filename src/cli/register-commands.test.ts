import { Command } from "@commander-js/extra-typings";
import { describe, expect, it } from "vitest";
import type { CliContext } from "./_context.js";
import { allCommands, COMMAND_FILES, commandName, registerCommands } from "./register-commands.js";

const noContext = (): CliContext => {
  throw new Error("no command runs in these tests");
};

describe("registerCommands", () => {
  it("knows the file of every command the areas list, and of no other", async () => {
    const all = await allCommands();
    const names = all.map((make) => make(noContext).name());
    expect(Object.keys(COMMAND_FILES).sort()).toEqual([...names].sort());
    for (const make of all) {
      const name = make(noContext).name();
      expect(await COMMAND_FILES[name]!(), `COMMAND_FILES.${name}`).toBe(make);
    }
  });

  it("adds only the command the command line names", async () => {
    const program = new Command() as unknown as Parameters<typeof registerCommands>[0];
    await registerCommands(program, noContext, ["--format", "json", "lookup", "(4, 2, 3, 2025, 1, edge, *)"]);
    expect(program.commands.map((c) => c.name())).toEqual(["lookup"]);
  });

  it("adds every command, in the areas' order, for help, no command or an unknown name", async () => {
    const order = (await allCommands()).map((make) => make(noContext).name());
    for (const argv of [[], ["--help"], ["help", "lookup"], ["lokup"], ["-V"], ["--", "lookup"]]) {
      const program = new Command() as unknown as Parameters<typeof registerCommands>[0];
      await registerCommands(program, noContext, argv);
      expect(program.commands.map((c) => c.name())).toEqual(order);
    }
  });
});

describe("commandName", () => {
  it("skips global options and their values", () => {
    expect(commandName(["lookup", "x"])).toBe("lookup");
    expect(commandName(["-f", "json", "-l", "zh", "--data", "d", "show", "k3s"])).toBe("show");
    expect(commandName(["--format=json", "-fjson", "list"])).toBe("list");
    expect(commandName(["--data", "lookup", "show"])).toBe("show");
  });
  it("is undefined for help, the version, `--` or no command", () => {
    expect(commandName([])).toBeUndefined();
    expect(commandName(["-h"])).toBeUndefined();
    expect(commandName(["--version"])).toBeUndefined();
    expect(commandName(["-f", "json"])).toBeUndefined();
    expect(commandName(["--", "lookup"])).toBeUndefined();
  });
});
