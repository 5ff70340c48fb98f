// Playwright cannot download browsers on these machines: the suite runs in Debian's Chromium.
// Run directly, this makes sure it is there (installing it with apt as root) or says, in one
// line, what to run. playwright.config.ts imports chromiumPath() to launch it.
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { pathToFileURL } from "node:url";

const debianChromium = "/usr/bin/chromium";

/** CHROMIUM_PATH when set, else Debian's package. */
export function chromiumPath() {
  return process.env.CHROMIUM_PATH || debianChromium;
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function fail(line) {
  console.error(line);
  process.exit(1);
}

function run(command, args) {
  console.log(`e2e: running ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, {
    stdio: ["ignore", "inherit", "inherit"], // never wait for an answer on stdin
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.status !== 0) {
    fail(
      `e2e: \`${command} ${args.join(" ")}\` failed (${result.error?.message ?? `exit code ${result.status}`}).`,
    );
  }
}

function ensureChromium() {
  const path = chromiumPath();
  if (isExecutable(path)) {
    console.log(`e2e: Chromium at ${path}`);
    return;
  }
  if (process.env.CHROMIUM_PATH) {
    fail(
      `e2e: CHROMIUM_PATH=${path} is not an executable: point it at Chromium, or unset it to use Debian's ${debianChromium}.`,
    );
  }
  if (process.getuid?.() !== 0) {
    fail(
      `e2e: Chromium is not installed: run \`sudo apt-get install -y chromium\` (or set CHROMIUM_PATH to a Chromium executable).`,
    );
  }
  console.log(
    "e2e: Chromium is not installed; installing Debian's chromium package with apt-get (about 20 s)",
  );
  // Waits for another apt or dpkg run to finish instead of failing on its lock.
  const lockWait = ["-o", "DPkg::Lock::Timeout=300"];
  run("apt-get", [...lockWait, "update"]);
  run("apt-get", [...lockWait, "install", "-y", "--no-install-recommends", "chromium"]);
  if (!isExecutable(path)) fail(`e2e: apt-get installed chromium, but ${path} is still missing.`);
  console.log(`e2e: Chromium installed at ${path}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) ensureChromium();
