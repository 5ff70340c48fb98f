// What a row of the table is: a figure measured against a floor in the same run, several runs.

/** How a row is judged on its median: the ratio (or the value, for rows with no floor). */
export type Goal =
  { kind: "at-most"; value: number } | { kind: "at-least"; value: number } | { kind: "none" };

export interface Run {
  /** The floor's figure in this run, or null for rows judged on Spool's figure alone. */
  floor: number | null;
  spool: number;
  /** The machine's 1-minute load average when the run started (os.loadavg()[0]). */
  load: number;
}

export interface Row {
  title: string;
  /** What the floor is, e.g. "raw pg INSERT + raw ws broadcast". */
  floorName: string | null;
  unit: string;
  runs: Run[];
  goal: Goal;
  /** Extra figures worth reading beside the row (a peer's, sizes used). */
  note?: string;
}

export const ratio = (run: Run): number | null =>
  run.floor === null ? null : run.floor === 0 ? Number.POSITIVE_INFINITY : run.spool / run.floor;
