import { type Goal, ratio, type Row } from "./row";
import { type Spread, spread } from "./stats";

export interface RowSummary {
  title: string;
  unit: string;
  floorName: string | null;
  floor: Spread | null;
  spool: Spread;
  /** Spread of the per-run ratio spool / floor; null for rows with no floor. */
  ratio: Spread | null;
  load: { min: number; max: number };
  goal: string;
  /** The median (of the ratio, or of the value when there is no floor) against the goal. */
  met: boolean | null;
  runs: Row["runs"];
  note?: string;
}

export function goalText(goal: Goal): string {
  if (goal.kind === "none") return "";
  return `${goal.kind === "at-most" ? "≤" : "≥"} ${goal.value}`;
}

function meets(goal: Goal, value: number): boolean | null {
  if (goal.kind === "none" || Number.isNaN(value)) return null;
  return goal.kind === "at-most" ? value <= goal.value : value >= goal.value;
}

export function summarize(row: Row): RowSummary {
  const floors = row.runs.map((run) => run.floor).filter((floor) => floor !== null);
  const ratios = row.runs.map(ratio).filter((value) => value !== null);
  const spool = spread(row.runs.map((run) => run.spool));
  const ratioSpread = ratios.length === row.runs.length ? spread(ratios) : null;
  const loads = row.runs.map((run) => run.load);
  return {
    title: row.title,
    unit: row.unit,
    floorName: row.floorName,
    floor: floors.length === row.runs.length ? spread(floors) : null,
    spool,
    ratio: ratioSpread,
    load: { min: Math.min(...loads), max: Math.max(...loads) },
    goal: goalText(row.goal),
    met: meets(row.goal, ratioSpread ? ratioSpread.median : spool.median),
    runs: row.runs,
    ...(row.note ? { note: row.note } : {}),
  };
}

/** Three significant figures, without exponent notation for the sizes a bench produces. */
export function figure(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(value))));
  return value.toLocaleString("en-US", {
    maximumFractionDigits: Math.min(digits, 4),
    minimumFractionDigits: 0,
  });
}

const range = (s: Spread) =>
  s.min === s.max ? figure(s.median) : `${figure(s.median)} (${figure(s.min)}–${figure(s.max)})`;

const verdict = (met: boolean | null) => (met === null ? "" : met ? "met" : "missed");

export interface ReportHeader {
  startedAt: string;
  durationSeconds: number;
  machine: string;
  quick: boolean;
}

export function markdown(header: ReportHeader, rows: RowSummary[]): string {
  const lines = [
    `# Spool benchmarks`,
    ``,
    `${header.startedAt}, ${header.machine}, ${figure(header.durationSeconds)} s` +
      (header.quick ? " — quick run (BENCH_QUICK=1): one run per row, small sizes" : ""),
    ``,
    `Each cell: median (min–max) over the runs. The ratio is Spool / floor within each run; a`,
    `row is met when the median ratio (or, with no floor, the median value) meets the goal. Load:`,
    `the 1-minute load average when each run started.`,
    ``,
    `| what | floor | floor value | Spool | ratio | goal | | load | runs |`,
    `|---|---|---|---|---|---|---|---|---|`,
  ];
  for (const row of rows) {
    const unit = row.unit ? ` ${row.unit}` : "";
    lines.push(
      `| ${row.title} | ${row.floorName ?? ""} | ${row.floor ? range(row.floor) + unit : ""} | ` +
        `${range(row.spool)}${unit} | ${row.ratio ? range(row.ratio) : ""} | ${row.goal} | ` +
        `${verdict(row.met)} | ${figure(row.load.min)}–${figure(row.load.max)} | ${row.runs.length} |`,
    );
  }
  const notes = rows.filter((row) => row.note);
  if (notes.length > 0) {
    lines.push(``, `Notes:`, ``);
    for (const row of notes) lines.push(`- ${row.title}: ${row.note}`);
  }
  return lines.join("\n") + "\n";
}
