// The kernel-free version of an interact in an HTML page exported by nbconvert, in headless
// Chromium with no kernel and no network: the page shows the interact's controls and one figure;
// moving the range input with the keyboard shows another figure and updates the readout.
// Usage: node static-page.mjs PAGE.html ...   (scripts/browser-test.sh)
import { pathToFileURL } from 'node:url';
import { launch, check, failed } from './browser.mjs';

const pages = process.argv.slice(2);
const browser = await launch();
for (const file of pages) {
  const context = await browser.newContext({ offline: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(file).href);
  const name = file.split('/').pop();
  const interacts = page.locator('.soma-interact');
  const n = await interacts.count();
  if (!check(n > 0, `${name}: the exported page holds ${n} kernel-free interact(s)`)) {
    continue;
  }
  const visible = () => page.evaluate(() => {
    const root = document.querySelector('.soma-interact');
    const shown = [...root.querySelectorAll('[data-soma-frames]')].filter((f) => getComputedStyle(f).display !== 'none');
    return shown.map((f) => ({ frames: f.getAttribute('data-soma-frames'), src: f.querySelector('img')?.getAttribute('src') || f.textContent }));
  });
  const range = interacts.first().locator('input[type=range]').first();
  check(await range.count() === 1, `${name}: the first interact has a range input`);
  const before = await visible();
  check(before.length === 1, `${name}: exactly one figure shows before a move`);
  const readoutBefore = await interacts.first().locator('output').first().innerText();
  await range.focus();
  await page.keyboard.press('ArrowRight');
  const after = await visible();
  const readoutAfter = await interacts.first().locator('output').first().innerText();
  check(after.length === 1, `${name}: exactly one figure shows after a move`);
  check(after[0].frames !== before[0].frames && after[0].src !== before[0].src,
    `${name}: ArrowRight on the range input swapped the figure (frame${before[0].frames}-> frame${after[0].frames})`);
  check(readoutAfter !== readoutBefore, `${name}: the readout went from ${readoutBefore} to ${readoutAfter}`);
  const external = await page.evaluate(() => [...document.querySelectorAll('.soma-interact img')]
    .filter((i) => !i.src.startsWith('data:')).length);
  check(external === 0, `${name}: every figure is inside the page (data URLs)`);
  check(errors.length === 0, `${name}: no script errors${errors.length ? ': ' + errors.join('; ') : ''}`);
  await context.close();
}
await browser.close();
process.exit(failed() ? 1 : 0);
