import { execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ACCESS_KEY, startSpool, type SpoolServer } from "./support/spool-server";

const run = promisify(execFile);
const sdkDir = fileURLToPath(new URL("..", import.meta.url));
const tsc = fileURLToPath(import.meta.resolve("typescript/bin/tsc"));

let spool: SpoolServer;
let project: string;
beforeAll(async () => {
  spool = await startSpool();
  project = mkdtempSync(join(tmpdir(), "spool-sdk-app-"));
});
afterAll(async () => {
  await spool?.close();
  rmSync(project, { recursive: true, force: true });
});

it("installs from its packed tarball outside the workspace, type-checks strictly and chats", async () => {
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", project], {
    cwd: sdkDir,
  });
  const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];

  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "outside-app", private: true, type: "module" }),
  );
  await run(
    "npm",
    ["install", join(project, filename), "--prefer-offline", "--no-audit", "--no-fund"],
    { cwd: project },
  );
  copyFileSync(
    fileURLToPath(new URL("packed/program.ts", import.meta.url)),
    join(project, "program.ts"),
  );
  writeFileSync(
    join(project, "config.ts"),
    `export const url = ${JSON.stringify(spool.url)};\nexport const accessKey = ${JSON.stringify(ACCESS_KEY)};\n`,
  );
  // The strictest settings an app might use; no @types/node from the workspace: Node's own
  // names come from a two-line declaration, so that only the SDK's package is in play.
  writeFileSync(
    join(project, "node.d.ts"),
    [
      'declare module "node:readline" { export function createInterface(o: { input: unknown }): AsyncIterable<string>; }',
      "declare const process: { stdin: unknown; exit(code: number): never };",
    ].join("\n"),
  );
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        lib: ["ES2023", "DOM"],
        types: [],
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        skipLibCheck: false,
        outDir: "out",
      },
      files: ["program.ts", "config.ts", "node.d.ts"],
    }),
  );
  await run(process.execPath, [tsc, "-p", project], { cwd: project });

  const child = spawn(process.execPath, [join(project, "out/program.js")], { cwd: project });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let result: unknown = null;
  for await (const line of createInterface({ input: child.stdout })) {
    if (line === "STOP-REALTIME") await spool.stopRealtime();
    else if (line === "START-REALTIME") await spool.startRealtime();
    else if (line.startsWith("RESULT ")) result = JSON.parse(line.slice("RESULT ".length));
    else continue;
    child.stdin.write("done\n");
  }
  expect(stderr).toBe("");
  expect(result).toEqual({ received: ["one", "two", "three"], code: "INVALID_INPUT" });
});
