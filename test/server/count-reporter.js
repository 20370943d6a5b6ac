// A web-test-runner reporter that writes how many tests passed and failed to
// $TEST_COUNTS_FILE, so `npm test` can add them to its one summary line.
import { writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const test of suite.tests) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites) count(child, totals);
}

export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, totals);
        // A file that failed to load, or errored outside a test, is one failure.
        if (!session.passed && (session.errors?.length || !session.testResults)) totals.failed++;
      }
      totals.failed += totals.skipped;
      if (process.env.TEST_COUNTS_FILE) writeFileSync(process.env.TEST_COUNTS_FILE, JSON.stringify(totals));
    },
  };
}
