/**
 * The Inline XBRL documents in a real browser: headless Chromium (the distribution's `chromium`
 * package, driven by playwright-core; nothing is downloaded) opens each committed document from
 * disk, as a reader would. CI installs the browser (.ci/run); without it this test fails, it does
 * not skip.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const ROOT = path.join(__dirname, '../..');
const OUT = path.join(ROOT, 'test-output', 'ixbrl');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const report = JSON.parse(fs.readFileSync(path.join(ROOT, 'instances', 'iij-20031231.report.json'), 'utf8')) as {
  tables: { id: string; lang: string }[];
};

/** A figure to click in each document, and what the inspector must say about it. */
const KNOWN = {
  en: {
    table: 'en-table-01',
    id: 'f-Revenues-D2003-10-01_2003-12-31.1',
    printed: '9,633',
    concept: 'Revenues',
    period: '2003-10-01 to 2003-12-31',
    search: '営業収益合計',
    found: '営業収益',
  },
  ja: {
    table: 'ja-balance-sheet',
    id: 'f-Assets-I2003-12-31.1',
    printed: '38,464,883',
    concept: 'Assets',
    period: '2003-12-31 (instant)',
    search: 'total assets',
    found: '資産',
  },
} as const;

jest.setTimeout(120_000);

let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it (Debian/Ubuntu: apt-get install -y chromium), or set CHROMIUM_PATH. This test does not skip.`,
    );
  }
  fs.mkdirSync(OUT, { recursive: true });
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1400, height: 1000 },
  });
});

afterAll(async () => {
  await context?.close();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

describe.each(['en', 'ja'] as const)('the %s document in Chromium', (lang) => {
  const file = path.join(ROOT, 'instances', `iij-20031231-${lang}.xhtml`);
  const known = KNOWN[lang];
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) errors.push(`network request: ${r.url()}`);
    });
    await page.goto(`file://${file}`, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await page?.close();
  });

  it('loads as XHTML with no console errors and no network requests', async () => {
    expect(await page.evaluate(() => document.contentType)).toBe('application/xhtml+xml');
    expect(await page.locator('#ix-inspector').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('shows every table of the part', async () => {
    const ids = report.tables.filter((t) => t.lang === lang).map((t) => `t-${t.id}`);
    expect(ids.length).toBeGreaterThan(10);
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('table.fin')].map((t) => {
        const r = t.getBoundingClientRect();
        return {
          id: (t.parentNode as Element).getAttribute('id'),
          visible: r.width > 100 && r.height > 20 && getComputedStyle(t).visibility === 'visible',
        };
      }),
    );
    expect(shown.map((s) => s.id)).toEqual(ids);
    expect(shown.filter((s) => !s.visible)).toEqual([]);
  });

  it('inspects a clicked figure: concept, labels, period, calculation', async () => {
    const tag = page.locator(`[id="${known.id}"]`);
    expect(await tag.textContent()).toBe(known.printed);
    expect(
      await page.evaluate(
        (id) => (document.getElementById(id)?.closest('div.table-block') as Element | null)?.getAttribute('id'),
        known.id,
      ),
    ).toBe(`t-${known.table}`);
    await tag.click();
    expect(await page.locator('#ix-concept').textContent()).toBe(known.concept);
    expect(await page.locator('#ix-period').textContent()).toBe(known.period);
    expect(await page.locator('#ix-label-ja').textContent()).not.toBe('');
    expect(await tag.evaluate((e) => e.classList.contains('ix-selected'))).toBe(true);
    expect(await page.locator('#ix-details').textContent()).toMatch(
      lang === 'en' ? /Calculation children/ : /計算上の子/,
    );
    await page.screenshot({ path: path.join(OUT, `iij-20031231-${lang}.png`) });
    expect(fs.statSync(path.join(OUT, `iij-20031231-${lang}.png`)).size).toBeGreaterThan(10_000);
  });

  it('finds a concept by its label in the other language', async () => {
    await page.locator('#ix-search').fill(known.search);
    const results = page.locator('#ix-results .ix-result').filter({ hasText: known.found });
    expect(await results.count()).toBeGreaterThan(0);
    await results.first().click();
    expect(await page.locator('#ix-concept').textContent()).toBe(known.concept);
    expect(errors).toEqual([]);
  });
});
