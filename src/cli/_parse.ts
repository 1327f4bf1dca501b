/** @module cli/_parse — option parsers shared by commands: integers, repeatable values. */
import { InvalidArgumentError as CommanderInvalidArgument } from "@commander-js/extra-typings";

/** Parses a whole year; commander reports the error as a usage error. */
export function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value.trim())) throw new CommanderInvalidArgument(`"${value}" is not a year (e.g. 2025)`);
  return Number(value);
}

/** Parses a calendar day `YYYY-MM-DD`; commander reports the error as a usage error. */
export function parseIsoDate(value: string): string {
  const v = value.trim();
  if (!/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(v))
    throw new CommanderInvalidArgument(`"${value}" is not a date (YYYY-MM-DD, e.g. 2026-12-07)`);
  return v;
}

/** Parses a positive whole number. */
export function parsePositiveInt(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) {
    throw new CommanderInvalidArgument(`"${value}" is not a positive whole number`);
  }
  return Number(value);
}

/** Collects a repeatable option (`--level L-4 --level X2`), also splitting commas. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [
    ...(previous ?? []),
    ...value
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean),
  ];
}
