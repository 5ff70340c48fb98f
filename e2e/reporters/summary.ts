import type { FullResult, Reporter, TestCase } from "@playwright/test/reporter";

/** One plain last line for logs, in the form CI reads: `e2e: N passed, N failed`. */
export default class SummaryReporter implements Reporter {
  private passed = 0;
  private failed = 0;

  onTestEnd(test: TestCase): void {
    // A retried or flaky test counts as failed: flakiness is a bug, not a pass.
    if (test.outcome() === "expected") this.passed += 1;
    else this.failed += 1;
  }

  onEnd(result: FullResult): void {
    console.log(`e2e: ${this.passed} passed, ${this.failed} failed`);
    console.log(`(${result.status} in ${(result.duration / 1000).toFixed(1)} s)`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
