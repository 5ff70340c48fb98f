import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pLimit from "p-limit";
import { ProviderError, type TranslationProvider } from "../provider";
import { apertiumProvider, type ApertiumPair } from "./apertium-pairs";

export interface ApertiumCommandOptions {
  /** Default: `apertium` on the PATH. */
  command?: string;
  timeoutMs?: number;
}

/** How to get Apertium, for the messages of a machine that lacks it. */
export const apertiumInstall = "apt-get install -y apertium apertium-eng-spa";

/** Runs the command and returns its stdout, or fails with its stderr. */
function run(command: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], timeout: timeoutMs });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(
        new ProviderError(
          "unavailable",
          error.code === "ENOENT"
            ? `Apertium is not installed here (${apertiumInstall}).`
            : `Apertium could not be started: ${error.message}`,
        ),
      ),
    );
    child.on("close", (code, signal) => {
      if (code === 0) return resolve(Buffer.concat(out).toString("utf8"));
      const why = signal
        ? `was stopped (${signal})`
        : `failed: ${Buffer.concat(err).toString("utf8").trim().slice(0, 300)}`;
      reject(new ProviderError("unavailable", `Apertium ${why}`));
    });
  });
}

/**
 * Translates one text through the pipeline. The text goes in a file: the pipeline opens
 * /dev/stdin by name, which fails when stdin is the socket Node gives a child.
 */
async function translateFile(
  command: string,
  args: string[],
  text: string,
  timeoutMs: number,
): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "spool-apertium-"));
  try {
    const input = join(folder, "input");
    await writeFile(input, text);
    return await run(command, [...args, input], timeoutMs);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Apertium through its command (Debian's `apertium` package and pair packages): no server to
 * run, but each text starts the pipeline anew (about a second).
 */
export function apertiumCommand(options: ApertiumCommandOptions = {}): TranslationProvider {
  const command = options.command ?? "apertium";
  const timeoutMs = options.timeoutMs ?? 30_000;
  // Each pipeline is a handful of processes: however many readers ask, two run at a time.
  const pipelines = pLimit(2);

  async function listPairs(): Promise<ApertiumPair[]> {
    // `apertium -l` prints one installed mode per line, e.g. "  eng-spa".
    const listed = await run(command, ["-l"], timeoutMs);
    return listed
      .split("\n")
      .map((line) => /^\s*([a-z]{2,3}(?:_\w+)?)-([a-z]{2,3}(?:_\w+)?)\s*$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => ({ source: match[1]!, target: match[2]! }));
  }

  async function translateText({ source, target }: ApertiumPair, text: string, format: string) {
    // -u: no `*` before words the dictionaries lack.
    const args = ["-u", "-f", format === "html" ? "html" : "txt", `${source}-${target}`];
    const output = await pipelines(() => translateFile(command, args, text, timeoutMs));
    // The pipeline ends its output with a newline the text may not have had.
    return text.endsWith("\n") ? output : output.replace(/\n$/, "");
  }

  return apertiumProvider(listPairs, translateText);
}
