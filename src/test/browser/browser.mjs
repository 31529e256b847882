// Shared pieces of Soma's browser tests: Debian's Chromium, headless, through playwright-core.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.SOMA_CHROMIUM || '/usr/bin/chromium';

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

let failures = 0;

/** One named check: prints ok or FAIL, counts failures. */
export function check(condition, what) {
  if (condition) {
    console.log(`ok   ${what}`);
  } else {
    console.log(`FAIL ${what}`);
    failures += 1;
  }
  return condition;
}

export function failed() {
  return failures;
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}
