// Child processes of the bench: servers and floors each in a process group of their own, so
// that they stop together and only they; and the memory a group holds.
import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { benchRoot } from "./config";

// Every line the bench's children print, so that a failure a server logged can be read after
// the run (the bench itself shows only the last lines of a child that exits early).
const outputLog = join(
  benchRoot,
  "results",
  "raw",
  `output-${new Date().toISOString().replace(/[:.]/g, "-")}.log`,
);

export interface Child {
  process: ChildProcess;
  /** The first line of output that `match` accepts; rejects if the process exits first. */
  line(match: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

export function start(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv },
): Child {
  mkdirSync(join(outputLog, ".."), { recursive: true });
  const child = spawn(command, args, {
    cwd: options.cwd ?? benchRoot,
    env: options.env ?? process.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  const output: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on("line", (line) => {
      lines.push(line);
      appendFileSync(outputLog, `${command}[${child.pid}] ${line}\n`);
      output.push(line);
      if (output.length > 40) output.shift();
      for (const wake of waiters) wake();
    });
  }
  child.on("exit", () => {
    for (const wake of waiters) wake();
  });
  return {
    process: child,
    line(match, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => finish(new Error(`no expected output within ${timeoutMs} ms`)),
          timeoutMs,
        );
        const check = () => {
          const found = lines.find(match);
          if (found !== undefined) finish(null, found);
          else if (child.exitCode !== null || child.signalCode !== null)
            finish(new Error(`${command} ${args.join(" ")} exited:\n${output.join("\n")}`));
        };
        const finish = (error: Error | null, found?: string) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (error) reject(error);
          else resolve(found!);
        };
        waiters.add(check);
        check();
      });
    },
    stop: () => stopGroup(child),
  };
}

/** A TypeScript file of the bench in a process of its own. */
export function startScript(file: string, args: string[] = [], env?: NodeJS.ProcessEnv): Child {
  return start(process.execPath, ["--import", "tsx", file, ...args], { env });
}

async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid!;
  // Turbo may run a task in a group of its own: what is left of the tree is stopped one by one.
  const family = [pid, ...descendants(pid)];
  const signal = (name: NodeJS.Signals) => {
    for (const target of [-pid, ...family]) {
      try {
        process.kill(target, name);
      } catch {
        // gone already
      }
    }
  };
  signal("SIGTERM");
  for (let waited = 0; waited < 15_000; waited += 100) {
    if (family.every((member) => !alive(member))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  signal("SIGKILL");
}

function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

/** Every process below `root`, by parent pid. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name is in parentheses and may hold spaces: the fields after it are fixed.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // exited while being read
    }
  }
  const found: number[] = [];
  const visit = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(root);
  return found;
}

// npm and turbo only start the app; what the app itself holds is in the other processes.
const launcher = /^(npm|turbo|sh)\b/;

/** Resident memory of a process and everything below it in MiB, without npm's and turbo's. */
export function treeRssMiB(root: number): number {
  let kib = 0;
  for (const pid of [root, ...descendants(root)]) {
    try {
      const comm = readFileSync(`/proc/${pid}/comm`, "utf8").trim();
      if (launcher.test(comm)) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      kib += Number(rss?.[1] ?? 0);
    } catch {
      // exited while being read
    }
  }
  return kib / 1024;
}
