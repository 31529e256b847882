// JupyterLab 4 with ipywidgets 8 and the Soma kernel, in headless Chromium:
//   1. open a notebook, run its cells: the interact shows a slider and the first figure;
//   2. move the slider with the keyboard: the figure changes, and the kernel saw the new value;
//   3. time slider move -> new figure decoded on screen, over SOMA_BROWSER_MOVES moves (benchmark);
//   4. a table shows in the panel's output area, an exception too, and the slider keeps working;
//   5. save, reload the page: the widgets come back from the kernel (control comm), at the value
//      they had, and still work.
// Usage: node lab-widgets.mjs LAB_URL NOTEBOOK   (LAB_URL with ?token=...; scripts/browser-test.sh)
import { launch, check, failed, median } from './browser.mjs';

const [labUrl, notebook] = process.argv.slice(2);
const moves = Number(process.env.SOMA_BROWSER_MOVES || 12);
const TIMEOUT = 120_000;

const base = new URL(labUrl);
const token = base.searchParams.get('token');
const url = `${base.origin}/lab/tree/${notebook}?token=${token}`;

const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
page.setDefaultTimeout(TIMEOUT);
const errors = [];
// JupyterLab's debugger panel complains about kernels without a debugger (ours says so in its spec).
page.on('pageerror', (e) => { if (!/debugger session/.test(String(e))) errors.push(String(e)); });

/** Runs the notebook's cells one by one with Shift+Enter, waiting for each to finish. */
async function runAll() {
  const cells = page.locator('.jp-Notebook .jp-Cell');
  const n = await cells.count();
  await cells.nth(0).locator('.cm-content').click();
  for (let i = 0; i < n; i++) {
    const cell = cells.nth(i);
    await page.keyboard.press('Shift+Enter');
    // A finished code cell shows its execution count in the prompt: [1]:, not [*]: or [ ]:.
    await page.waitForFunction((el) => /\[\d+\]/.test(el.querySelector('.jp-InputPrompt')?.textContent || ''),
      await cell.elementHandle(), { timeout: TIMEOUT });
  }
}

async function outputText(index) {
  return (await page.locator('.jp-Notebook .jp-Cell').nth(index).locator('.jp-OutputArea-output').allInnerTexts()).join('\n');
}

/** Resolves when the interact's image has changed and the new one is decoded; returns ms since `since`. */
async function nextImage(since) {
  return page.evaluate(async (t0) => {
    const img = document.querySelector('.jp-Notebook img.widget-image');
    const before = img.src;
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no new image within 60 s')), 60000);
      const seen = () => {
        if (img.src !== before) {
          clearTimeout(timer);
          observer.disconnect();
          resolve();
        }
      };
      const observer = new MutationObserver(seen);
      observer.observe(img, { attributes: true, attributeFilter: ['src'] });
      seen();
    });
    await img.decode();
    return performance.now() - t0;
  }, since);
}

await page.goto(url);
await page.waitForSelector('.jp-Notebook .jp-Cell');
// The kernel must be up before the first Shift+Enter counts.
await page.waitForFunction(() => /Idle/.test(document.querySelector('#jp-main-statusbar')?.textContent || ''),
  null, { timeout: TIMEOUT });
await runAll();

const handle = page.locator('.jp-Notebook .widget-slider .noUi-handle').first();
const image = page.locator('.jp-Notebook img.widget-image').first();
check(await handle.isVisible(), 'the interact shows a slider');
check(await image.isVisible(), 'and its first figure, before anything moved');
// The description arrives a moment after the slider itself is drawn.
await page.waitForFunction(() => document.querySelector('.jp-Notebook .widget-slider .widget-label')?.textContent.trim(),
  null, { timeout: 30_000 }).catch(() => {});
const label = await page.locator('.jp-Notebook .widget-slider .widget-label').first().innerText();
check(label.includes('µA/cm²'), `the slider's label carries the unit: "${label}"`);
const firstSrc = await image.getAttribute('src');
const readout = page.locator('.jp-Notebook .widget-slider .widget-readout').first();
const startValue = Number(await readout.innerText());

// 2. One keyboard move.
await handle.focus();
let t0 = await page.evaluate(() => performance.now());
let pending = nextImage(t0);
await page.keyboard.press('ArrowRight');
await pending;
check((await image.getAttribute('src')) !== firstSrc, 'ArrowRight on the slider: the figure changed');
const moved = Number(await readout.innerText());
check(moved === startValue + 1, `the readout went from ${startValue} to ${moved}`);

// The kernel saw it: the third cell asks the interact for its values (Ctrl+Enter runs it in place).
const VALUES_CELL = 2;
await page.locator('.jp-Notebook .jp-Cell').nth(VALUES_CELL).locator('.cm-content').click();
await page.keyboard.press('Control+Enter');
try {
  await page.waitForFunction(([i, v]) => document.querySelectorAll('.jp-Notebook .jp-Cell')[i]
    .querySelector('.jp-OutputArea-output')?.textContent.includes(`I = ${v} µA/cm²`), [VALUES_CELL, moved], { timeout: 60_000 });
} catch (e) {
  await page.screenshot({ path: 'lab-values.png' });
}
const said = await outputText(VALUES_CELL);
check(said.includes(`I = ${moved} µA/cm²`), `the kernel saw I = ${moved} µA/cm² ("${said.trim()}")`);

// 3. Latency: move -> new figure decoded, one move at a time: right, back left, and a last one to
// the right, so the slider ends away from where it started.
const keys = [...Array(moves)].map((_, i) => (i < moves / 2 || i === moves - 1 ? 'ArrowRight' : 'ArrowLeft'));
const latencies = [];
await handle.focus();
for (const key of keys) {
  t0 = await page.evaluate(() => performance.now());
  pending = nextImage(t0);
  await page.keyboard.press(key);
  latencies.push(await pending);
}
const last = Number(await readout.innerText());
const expected = moved + keys.filter((k) => k === 'ArrowRight').length - keys.filter((k) => k === 'ArrowLeft').length;
check(last === expected, `after ${moves} more moves the slider reads ${last} (expected ${expected})`);
await page.locator('.jp-Notebook .widget-vbox').first().screenshot({ path: 'lab-interact.png' });
console.log(`latency slider move -> new Hodgkin-Huxley figure (150 ms simulated) on screen: median ${median(latencies).toFixed(0)} ms `
  + `over ${latencies.length} moves (min ${Math.min(...latencies).toFixed(0)}, max ${Math.max(...latencies).toFixed(0)})`);
console.log(`latencies ms: ${latencies.map((x) => x.toFixed(0)).join(' ')}`);

// A view that returns a table shows it in the panel's output area; one that throws shows the error
// there, and the slider keeps working.
const TABLE_CELL = 3;
const tablePanel = page.locator('.jp-Notebook .jp-Cell').nth(TABLE_CELL).locator('.widget-vbox').first();
await tablePanel.locator('table').first().waitFor({ state: 'visible', timeout: TIMEOUT });
check((await tablePanel.locator('table').first().innerText()).includes('V [mV]'), 'a table result shows as a table in the panel');
const tableHandle = tablePanel.locator('.noUi-handle').first();
await tableHandle.focus();
await page.keyboard.press('ArrowRight');
await tablePanel.getByText('too strong: 13.0').first().waitFor({ state: 'visible', timeout: TIMEOUT });
check(true, 'an exception in the view shows inside the panel');
await page.keyboard.press('ArrowLeft');
await tablePanel.locator('table').first().waitFor({ state: 'visible', timeout: TIMEOUT });
check(await tablePanel.getByText('too strong').count() === 0, 'and the next move shows the table again');

// 4. Save, reload: the frontend restores the widgets from the kernel.
await page.keyboard.press('Control+s');
await page.waitForTimeout(1500);
await page.reload();
await page.waitForSelector('.jp-Notebook .jp-Cell');
const restoredHandle = page.locator('.jp-Notebook .widget-slider .noUi-handle').first();
await restoredHandle.waitFor({ state: 'visible', timeout: TIMEOUT });
const restoredImage = page.locator('.jp-Notebook img.widget-image').first();
await restoredImage.waitFor({ state: 'visible', timeout: TIMEOUT });
const restoredReadout = Number(await page.locator('.jp-Notebook .widget-slider .widget-readout').first().innerText());
check(restoredReadout === last, `after a reload the slider is back at ${last} (shows ${restoredReadout})`);
check(await page.evaluate(() => {
  const img = document.querySelector('.jp-Notebook img.widget-image');
  return img && img.complete && img.naturalWidth > 100;
}), 'and so is the figure');
await restoredHandle.focus();
t0 = await page.evaluate(() => performance.now());
pending = nextImage(t0);
await page.keyboard.press('ArrowRight');
await pending;
check(true, 'the restored slider still re-runs the view');
check(errors.length === 0, `no page errors${errors.length ? ': ' + errors.join('; ') : ''}`);

await browser.close();
process.exit(failed() ? 1 : 0);
