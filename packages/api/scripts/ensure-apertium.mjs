// The translation tests run Apertium for real (Debian's packages: the command, apertium-apy and
// the English-Spanish pair). Run directly, this makes sure they are there (installing them with
// apt as root) or says, in one line, what to run.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const packages = ["apertium", "apertium-eng-spa", "apertium-apy"];
const install = `apt-get install -y ${packages.join(" ")}`;

function fail(line) {
  console.error(line);
  process.exit(1);
}

/** Whether the command and the apy server are there, and the pair in both directions. */
function installed() {
  const modes = spawnSync("apertium", ["-l"], { encoding: "utf8" });
  const apy = spawnSync("apertium-apy", ["--help"], { stdio: "ignore" });
  const pairs = (modes.stdout ?? "").split(/\s+/);
  return (
    modes.status === 0 && apy.status === 0 && pairs.includes("eng-spa") && pairs.includes("spa-eng")
  );
}

function run(args) {
  console.log(`api: running apt-get ${args.join(" ")}`);
  const result = spawnSync("apt-get", ["-o", "DPkg::Lock::Timeout=300", ...args], {
    stdio: ["ignore", "inherit", "inherit"], // never wait for an answer on stdin
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.status !== 0) {
    fail(
      `api: \`apt-get ${args.join(" ")}\` failed (${result.error?.message ?? `exit code ${result.status}`}).`,
    );
  }
}

// The API and browser suites may both get here at once: one installs, the other waits for it
// (flock) and then finds it installed.
const lock = "/tmp/spool-ensure-apertium.lock";

if (!installed() && !process.env.SPOOL_APERTIUM_LOCK_HELD) {
  if (process.getuid?.() !== 0) fail(`api: Apertium is not installed: run \`sudo ${install}\`.`);
  const self = fileURLToPath(import.meta.url);
  const locked = spawnSync("flock", [lock, process.execPath, self], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, SPOOL_APERTIUM_LOCK_HELD: "1" },
  });
  process.exit(locked.status ?? 1);
}
if (!installed()) {
  console.log("api: Apertium is not installed; installing it with apt-get (about 90 s)");
  run(["update"]);
  // With recommends: html goes through transfuse, and apertium-apy uses streamparser.
  run(["install", "-y", ...packages]);
  if (!installed())
    fail(`api: apt-get installed ${packages.join(", ")}, but Apertium still does not run.`);
}
console.log("api: Apertium with eng-spa and spa-eng");
