import { describe, expect, it } from "vitest";
import { figure, markdown, summarize } from "../src/report";
import type { Row } from "../src/row";
import { percentile, slope, spread } from "../src/stats";

const row = (runs: Row["runs"], goal: Row["goal"]): Row => ({
  title: "send → delivered, p50",
  floorName: "raw pg INSERT + raw ws broadcast",
  unit: "ms",
  runs,
  goal,
});

describe("percentiles and spreads", () => {
  it("takes the nearest rank, whatever the order of the samples", () => {
    const samples = [9, 1, 5, 3, 7, 2, 8, 4, 6, 10];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile([42], 99)).toBe(42);
    expect(percentile([], 50)).toBeNaN();
  });

  it("spreads runs as min, median and max", () => {
    expect(spread([3, 1, 2])).toEqual({ min: 1, median: 2, max: 3 });
  });

  it("finds the slope of memory over time, and none in flat memory", () => {
    expect(slope([0, 1, 2, 3].map((x) => ({ x, y: 100 + 4 * x })))).toBeCloseTo(4);
    expect(slope([0, 1, 2].map((x) => ({ x, y: 100 })))).toBe(0);
    expect(slope([{ x: 0, y: 5 }])).toBe(0);
  });
});

describe("row summaries", () => {
  it("judges the median of the per-run ratios against an upper goal", () => {
    const summary = summarize(
      row(
        [
          { floor: 10, spool: 20, load: 1.5 },
          { floor: 10, spool: 40, load: 2.5 },
          { floor: 5, spool: 20, load: 2 },
        ],
        { kind: "at-most", value: 3 },
      ),
    );
    expect(summary.ratio).toEqual({ min: 2, median: 4, max: 4 });
    expect(summary.met).toBe(false);
    expect(summary.load).toEqual({ min: 1.5, max: 2.5 });
    expect(summary.goal).toBe("≤ 3");
  });

  it("judges a throughput ratio against a lower goal", () => {
    const summary = summarize(
      row([{ floor: 4000, spool: 2400, load: 1 }], { kind: "at-least", value: 0.5 }),
    );
    expect(summary.ratio?.median).toBeCloseTo(0.6);
    expect(summary.met).toBe(true);
  });

  it("judges a row without a floor on its value, and leaves a row without a goal unjudged", () => {
    const undelivered = summarize(
      row([{ floor: null, spool: 3, load: 1 }], { kind: "at-most", value: 0 }),
    );
    expect(undelivered.ratio).toBeNull();
    expect(undelivered.met).toBe(false);
    expect(summarize(row([{ floor: 1, spool: 2, load: 1 }], { kind: "none" })).met).toBeNull();
  });
});

describe("the Markdown table", () => {
  it("shows each row's floor, Spool, ratio, goal, verdict and load", () => {
    const table = markdown(
      {
        startedAt: "2026-01-01T00:00:00.000Z",
        durationSeconds: 600,
        machine: "2 cores",
        quick: false,
      },
      [
        summarize(
          row(
            [
              { floor: 6.2, spool: 33.8, load: 1.2 },
              { floor: 6, spool: 30, load: 1.4 },
              { floor: 7, spool: 35, load: 1.3 },
            ],
            { kind: "at-most", value: 3 },
          ),
        ),
      ],
    );
    expect(table).toContain(
      "| send → delivered, p50 | raw pg INSERT + raw ws broadcast | 6.2 (6–7) ms | 33.8 (30–35) ms | 5 (5–5.45) | ≤ 3 | missed | 1.2–1.4 | 3 |",
    );
  });

  it("writes figures to three significant digits", () => {
    expect(figure(0.01734)).toBe("0.0173");
    expect(figure(3951.4)).toBe("3,951");
    expect(figure(48.61)).toBe("48.6");
    expect(figure(0)).toBe("0");
  });
});
