/**
 * The Inline XBRL documents in a real browser: headless Chromium, driven by playwright-core, opens
 * each committed document from disk, as a reader would. The browser is `CHROMIUM_PATH`, a system
 * Chromium, or the one npm installs with the dev dependencies (./chromium.ts); nothing is
 * downloaded and nothing is installed by hand, so this test runs wherever `npm ci` ran.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, tempDir } from './chromium';

const ROOT = path.join(__dirname, '../..');
const OUT = path.join(ROOT, 'test-output', 'ixbrl');

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

let browser: Browser;
let context: BrowserContext;
let dir: string;

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  dir = tempDir();
  ({ browser } = await launchChromium(dir));
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
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

  if (lang === 'ja')
    it('renders its Japanese text with a font that has the glyphs (not one missing-glyph box for every character)', async () => {
      // Each character drawn in the font the page uses for a Japanese heading: with no Japanese font
      // every character is the same box, the same as a private-use code point that no font has.
      const glyphs = await page.evaluate(() => {
        const heading = [...document.querySelectorAll('td, th, p, h1, h2, caption')].find((e) =>
          /[\u3040-\u30ff\u4e00-\u9fff]/.test(e.textContent ?? ''),
        );
        const font = heading ? getComputedStyle(heading).fontFamily : 'sans-serif';
        const draw = (ch: string) => {
          const c = document.createElement('canvas');
          c.width = 48;
          c.height = 48;
          const g = c.getContext('2d')!;
          g.font = `40px ${font}`;
          g.fillText(ch, 2, 40);
          return c.toDataURL();
        };
        return { heading: !!heading, a: draw('営'), b: draw('業'), c: draw('資'), missing: draw('\ue000') };
      });
      expect(glyphs.heading).toBe(true);
      expect(new Set([glyphs.a, glyphs.b, glyphs.c, glyphs.missing]).size).toBe(4);
    });
});
