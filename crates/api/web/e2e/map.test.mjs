// The page in real headless Chromium, against a real server over the sample reports:
// the map loads, the slider replays the days (markers and control colours change), an
// event opens with its evidence and its article. Screenshots go to $E2E_ARTIFACTS.
//
// FRONTLINE_DEMO_SERVER=path/to/demo_server node --test crates/api/web/e2e/
// (.ci/web-e2e.sh builds the server and runs this.)

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..', '..', '..');
const serverBinary = process.env.FRONTLINE_DEMO_SERVER;
const artifacts = process.env.E2E_ARTIFACTS || path.join(repo, 'target', 'e2e');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const KAFRANBEL = 'geonames:168661';

let server;
let base;
let context;
const scratch = [];

function tempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

/** Starts the demo server on a free loopback port; resolves with its base URL. */
function startServer(db) {
  return new Promise((resolve, reject) => {
    server = spawn(serverBinary, ['--db', db, '--addr', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const timer = setTimeout(() => reject(new Error('the server did not start within 120 s')), 120_000);
    let seen = '';
    server.stdout.on('data', (chunk) => {
      seen += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server.on('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
}

/** The sample reports of crates/cli/samples, posted as JSON Lines like any client would. */
async function postSamples() {
  const folder = path.join(repo, 'crates', 'cli', 'samples');
  const lines = fs.readFileSync(path.join(folder, 'articles.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
  const body = lines.map((line) => {
    const meta = JSON.parse(line);
    const text = fs.readFileSync(path.join(folder, meta.file), 'utf8');
    return JSON.stringify({ id: meta.id, text, language: meta.language, published: meta.published, source: meta.source });
  }).join('\n');
  const response = await fetch(`${base}/api/articles`, { method: 'POST', headers: { 'Content-Type': 'application/x-ndjson' }, body });
  const report = await response.json();
  assert.equal(response.status, 201, JSON.stringify(report));
  assert.equal(report.stored, lines.length);
}

before(async () => {
  assert.ok(serverBinary, 'set FRONTLINE_DEMO_SERVER to the demo_server example binary');
  fs.mkdirSync(artifacts, { recursive: true });
  base = await startServer(path.join(tempDir('frontline-e2e-db-'), 'e2e.db'));
  await postSamples();
  context = await chromium.launchPersistentContext(tempDir('frontline-e2e-profile-'), {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 860 },
  });
});

after(async () => {
  await context?.close();
  server?.kill('SIGINT');
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
});

/** What the map shows: the day, the events drawn, and each place's holder and colour. */
function snapshot(page) {
  return page.evaluate(() => ({
    day: document.body.dataset.day,
    events: [...document.querySelectorAll('path.event-marker')].map((p) => p.dataset.event).sort(),
    control: Object.fromEntries([...document.querySelectorAll('.control-marker')]
      .map((m) => [m.dataset.place, { holder: m.dataset.holder, fill: getComputedStyle(m.querySelector('.diamond')).backgroundColor }])),
  }));
}

async function waitForDay(page, day) {
  await page.waitForFunction((d) => document.body.dataset.day === d, day, { timeout: 10_000 });
}

const addDays = (iso, n) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);

test('the map replays the war day by day', async () => {
  const page = context.pages()[0] ?? await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(base) && !request.url().startsWith('data:')) problems.push(`request off the server: ${request.url()}`);
  });

  const merged = await (await fetch(`${base}/api/events?merged=true`)).json();
  const first = addDays(merged.events.map((e) => e.date_start).sort()[0], -1);
  const last = merged.events.map((e) => e.date_end).sort().at(-1);

  await page.goto(`${base}/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  assert.equal(await page.locator('path.leaflet-interactive, path').count() > 14, true, 'outlines are drawn');

  const slider = page.locator('#day');
  await slider.focus();
  await page.keyboard.press('Home');
  await waitForDay(page, first);
  const start = await snapshot(page);
  await page.screenshot({ path: path.join(artifacts, 'map-start.png') });

  await page.keyboard.press('ArrowRight');
  await waitForDay(page, addDays(first, 1));

  await page.keyboard.press('End');
  await waitForDay(page, last);
  const end = await snapshot(page);

  assert.equal(start.events.length, 0, 'nothing is reported before the first report');
  assert.ok(end.events.length > 0, 'the last days have events');
  assert.notDeepEqual(start.events, end.events);
  // Before the first report of a change, who held a place is unknown: no marker.
  assert.equal(start.control[KAFRANBEL], undefined, JSON.stringify(start.control));
  assert.equal(end.control[KAFRANBEL]?.holder, 'SYR_GOV', JSON.stringify(end.control));
  const other = Object.values(end.control).find((c) => c.holder && c.holder !== 'SYR_GOV');
  assert.ok(other, `another holder at the end: ${JSON.stringify(end.control)}`);
  assert.notEqual(other.fill, end.control[KAFRANBEL].fill, 'each holder has its colour');
  assert.equal(await page.locator('#day-label').textContent(), last);

  // The play button steps through the days by itself.
  await page.keyboard.press('Home');
  await waitForDay(page, first);
  await page.click('#play');
  await page.waitForFunction((d) => document.body.dataset.day > d, addDays(first, 2), { timeout: 10_000 });
  await page.click('#play');

  // Every event so far, then one opened: its evidence, then its article with the sentence marked.
  await page.selectOption('#filters [name=trail]', '36500');
  await slider.focus();
  await page.keyboard.press('End');
  await waitForDay(page, last);
  const all = await snapshot(page);
  assert.equal(all.events.length, merged.events.length, 'every merged event has a marker');
  // Events sharing a point are spread around it, each its own marker, with their count.
  const byPoint = new Map();
  for (const e of merged.events) {
    if (e.latitude == null || e.longitude == null) continue;
    const key = `${e.latitude.toFixed(4)},${e.longitude.toFixed(4)}`;
    byPoint.set(key, (byPoint.get(key) ?? 0) + 1);
  }
  const shared = [...byPoint.values()].filter((n) => n > 1).sort((a, b) => a - b);
  const counts = (await page.locator('.cluster-count').allTextContents()).map(Number).sort((a, b) => a - b);
  assert.deepEqual(counts, shared, 'one count a shared point');
  const strike = merged.events.find((e) => e.sub_event_type === 'Air/drone strike' && e.sources.length === 2);
  await page.locator(`path.event-marker[data-event="${strike.event_id}"]`).click();
  await page.waitForSelector('#panel:not([hidden]) blockquote.evidence');
  const evidence = await page.locator('#panel blockquote.evidence').allTextContents();
  assert.deepEqual(evidence, strike.sources.map((s) => s.evidence));
  // Each evidence sentence takes its direction from its own script (Arabic right to left).
  const directions = await page.locator('#panel blockquote.evidence').evaluateAll((nodes) => nodes.map((n) => n.dir));
  assert.ok(directions.length > 0 && directions.every((d) => d === 'auto'), String(directions));
  await page.screenshot({ path: path.join(artifacts, 'map.png') });

  await page.locator('#panel .article-link').first().click();
  await page.waitForSelector('#panel .article-text mark');
  assert.equal(await page.locator('#panel .article-text mark').textContent(), strike.sources[0].evidence);
  await page.screenshot({ path: path.join(artifacts, 'article.png') });

  // A filter asks the API again: only the Russian strikes stay.
  await page.selectOption('#filters [name=actor]', 'RUS');
  await page.waitForFunction(() => document.querySelectorAll('path.event-marker').length === 2, null, { timeout: 10_000 });

  assert.deepEqual(problems, []);
});
