// The web desk in a real browser: starts `newslint serve`, pastes a draft
// into the page in headless Chromium, waits for the highlights, and checks
// their number and text against `newslint check --format json` on the same
// draft. Saves a screenshot of the page. Run through ./run.sh.
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const bin = process.env.NEWSLINT_BIN || resolve(root, 'target/debug/newslint');
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';
const screenshot = resolve(root, process.env.SCREENSHOT || 'docs/desk.png');
const draft = readFileSync(resolve(root, 'tests/fixtures/desk/draft.txt'), 'utf8');

function fail(message) {
  console.error('desk browser test: FAILED: ' + message);
  process.exitCode = 1;
}

function expectEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: got ${a}, expected ${e}`);
}

// What the command line finds in the draft.
const cli = JSON.parse(
  execFileSync(bin, ['check', '--format', 'json', '--fail-on', 'never', '--stdin-filename', 'draft.txt', '-'], {
    input: draft,
  }).toString(),
);
const expected = cli.findings.map((f) => ({ rule: f.rule, text: f.text }));
if (expected.length < 3) throw new Error('the draft should draw several findings; it drew ' + expected.length);

// The desk, on a free port; its first line is its address.
const server = spawn(bin, ['serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((ok, no) => {
  const lines = createInterface({ input: server.stdout });
  lines.once('line', (l) => ok(l.replace('newslint desk: ', '').trim()));
  server.once('exit', (code) => no(new Error('newslint serve exited with ' + code)));
});

const browser = await chromium.launch({ executablePath: browserPath, headless: true });
try {
  // Reduced motion: no smooth scrolling still under way at the screenshot.
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, reducedMotion: 'reduce' });
  const origin = new URL(url).origin;
  const elsewhere = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(origin)) elsewhere.push(r.url());
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);

  // Paste: the draft goes into the box as the clipboard would put it there.
  await page.locator('#draft').focus();
  await page.keyboard.insertText(draft);
  await page.click('#check');
  await page.waitForFunction(() => /finding/.test(document.getElementById('status').textContent));

  // Each finding's highlight: the marks naming it, in document order.
  const highlights = await page.evaluate(() => {
    const byFinding = new Map();
    for (const m of document.querySelectorAll('#doc mark[data-f]')) {
      for (const i of m.dataset.f.split(' ')) {
        byFinding.set(Number(i), (byFinding.get(Number(i)) || '') + m.textContent);
      }
    }
    const rules = [...document.querySelectorAll('#findings li[data-f]')].map((li) => li.textContent);
    return { texts: [...byFinding.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]), cards: rules.length };
  });
  expectEqual(highlights.texts.length, expected.length, 'number of highlighted findings');
  expectEqual(highlights.texts, expected.map((f) => f.text), 'highlighted text');
  expectEqual(highlights.cards, expected.length, 'number of finding cards');

  // The category filter hides a category's highlights and cards.
  const category = cli.findings[0].category;
  const inCategory = cli.findings.filter((f) => f.category === category).length;
  await page.uncheck(`#filters input[value="${category}"]`);
  const shown = await page.locator('#findings li[data-f]').count();
  expectEqual(shown, expected.length - inCategory, `cards shown with ${category} filtered out`);
  await page.check(`#filters input[value="${category}"]`);

  // The counts the desk reports.
  const counts = await page.locator('#counts').textContent();
  if (!/quotations\s*\d/.test(counts) || !/attributions\s*\d/.test(counts)) {
    throw new Error('counts lack quotations or attributions: ' + counts);
  }

  expectEqual(elsewhere, [], 'requests to other origins');
  expectEqual(errors, [], 'script errors');

  // Show one finding selected, then keep a picture for the README.
  await page.click('#findings li[data-f="2"]');
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.getElementById('side').scrollTop = 0;
    document.getElementById('draft').scrollTop = 0;
  });
  mkdirSync(dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot, fullPage: false });

  // A dropped file (the file picker takes the same path): a Word document
  // and an HTML page, each against the command line on the same file.
  for (const name of ['story.docx', 'phrases.html']) {
    const file = resolve(root, 'tests/fixtures/formats', name);
    const want = JSON.parse(
      execFileSync(bin, ['check', '--format', 'json', '--fail-on', 'never', file]).toString(),
    ).findings.map((f) => f.text);
    await page.evaluate(() => { document.getElementById('status').textContent = ''; });
    await page.setInputFiles('#file', file);
    await page.waitForFunction(() => /finding/.test(document.getElementById('status').textContent));
    const got = await page.evaluate(() => {
      const byFinding = new Map();
      for (const m of document.querySelectorAll('#doc mark[data-f]')) {
        for (const i of m.dataset.f.split(' ')) {
          byFinding.set(Number(i), (byFinding.get(Number(i)) || '') + m.textContent);
        }
      }
      return [...byFinding.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
    });
    expectEqual(got, want, `highlights of ${name}`);
  }

  expectEqual(elsewhere, [], 'requests to other origins (files)');
  console.log(`desk browser test: ok (${expected.length} findings of a pasted draft, and those of a dropped .docx and .html, highlighted as check --format json reports them; screenshot ${screenshot})`);
} catch (e) {
  fail(e.message);
} finally {
  await browser.close();
  server.kill();
}
