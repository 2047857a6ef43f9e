// The principal board's reports (issue 7, GB-5): the principal opens Báo cáo → Tỉ lệ xếp loại, sees the rates of
// the school by subject and by grade (table and chart) with the figures the API gives, and downloads the Excel file
// under its Vietnamese name. Runs against the server of run-with-server.sh (demo data).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { apiSignIn, baseUrl, launchBrowser, openPage, requireServer, screenshot, signIn } from './browser.mjs';

const timeout = { timeout: 180_000 };
let browser;

before(async () => {
  await requireServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

describe('reports', () => {
  test('the principal opens the classification rates and downloads the Excel file', timeout, async () => {
    const { context, page, problems } = await openPage(browser, {
      baseURL: baseUrl,
      viewport: { width: 1400, height: 1000 },
      acceptDownloads: true,
    });
    try {
      await signIn(page, 'toannv.thptchuvanan');
      // Three Toán results in 10A2, HK I: 8.5 (Tốt), 7.0 (Khá), 4.5 (Chưa đạt). Not 10A1: the homeroom test closes
      // its year (book lock).
      const principal = await apiSignIn('toannv.thptchuvanan');
      const unit = principal.user.unit.id;
      const classes = await principal.call('GET', `/api/v1/schools/${unit}/classes?year=2026-2027`);
      const cls = classes.items.find((c) => c.name === '10A2');
      const path = `/api/v1/classes/${cls.id}/subjects/TOAN/scores?semester=1`;
      const sheet = await principal.call('GET', path);
      const changes = sheet.rows
        .slice(0, 3)
        .flatMap((row, i) =>
          sheet.columns.map((col) => ({ student_id: row.student_id, item: col.item, value: ['8.5', '7', '4.5'][i] })),
        );
      await principal.call('PUT', path, { base_version: sheet.version, changes });

      await page.goto('/');
      await page.getByRole('menuitem', { name: 'Báo cáo' }).click();
      await page.waitForURL(/\/bao-cao/);
      await page.getByRole('tab', { name: 'Tỉ lệ xếp loại' }).waitFor();
      await page.getByLabel('Kỳ').click();
      await page.getByTitle('Học kỳ I', { exact: true }).click();

      const api = await page.evaluate(
        async (u) => (await fetch(`/api/v1/reports/schools/${u}/classification-rates?period=hk1`)).json(),
        unit,
      );
      const toan = api.subjects.find((s) => s.code === 'TOAN' && s.grade === 0);
      assert.ok(
        toan.distribution.counts[0] >= 1 && toan.distribution.counts[1] >= 1 && toan.distribution.counts[3] >= 1,
      );

      // The table row of Toán shows the API's counts and percentages.
      const row = page.getByTestId('rates-subjects').locator('tr', { hasText: 'Toán' }).first();
      await row.getByText(`(${toan.distribution.percent[0]}%)`).first().waitFor();
      const cells = await row.locator('td').allInnerTexts();
      assert.equal(cells[0], 'Toán');
      assert.equal(cells[1], String(toan.distribution.assessed));
      for (let k = 0; k < 4; k += 1) {
        assert.equal(
          cells[2 + k].replace(/\s+/g, ' ').trim(),
          `${toan.distribution.counts[k]} (${toan.distribution.percent[k]}%)`,
        );
      }
      assert.equal((await page.getByTestId('rates-chart').count()) >= 2, true);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('xlsx-download').click()]);
      assert.equal(download.suggestedFilename(), `Tỉ lệ xếp loại Học kỳ I - ${api.year}.xlsx`);
      const file = await download.path();
      const bytes = readFileSync(file);
      assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
      assert.ok(bytes.includes(Buffer.from('xl/worksheets/sheet2.xml')), 'both sheets (by subject, by grade)');
      // A query cancelled by changing the period, and the download itself, show as aborted requests: not problems.
      assert.deepEqual(
        problems.filter((p) => !p.endsWith('net::ERR_ABORTED')),
        [],
        'the page reported problems',
      );
    } catch (error) {
      error.message += `\n(screenshot: ${await screenshot(page, 'reports')})`;
      throw error;
    } finally {
      await context.close();
    }
  });

  test("the Sở chooses a school below it and reads its rates and a class's year classification", timeout, async () => {
    const { context, page, problems } = await openPage(browser, {
      baseURL: baseUrl,
      viewport: { width: 1400, height: 1000 },
    });
    try {
      await signIn(page, 'hunglv.sgddt');
      await page.goto('/');
      await page.getByRole('menuitem', { name: 'Báo cáo' }).click();
      await page.getByText('Chọn trường để xem báo cáo').waitFor();
      await page.getByLabel('Trường').click();
      await page.getByTitle('Trường THPT Chu Văn An', { exact: true }).click();
      await page.waitForURL(/truong=/);
      const school = new URL(page.url()).searchParams.get('truong');

      // The rates of that school, as the API gives them to the Sở.
      const api = await page.evaluate(
        async (u) => (await fetch(`/api/v1/reports/schools/${u}/classification-rates?period=year`)).json(),
        school,
      );
      assert.equal(api.school_name, 'Trường THPT Chu Văn An');
      await page.getByText(`${api.school_name} — năm học ${api.year}`).waitFor();
      const whole = api.grades.find((g) => g.grade === 0);
      const last = page.getByTestId('rates-grades').locator('tr', { hasText: 'Toàn trường' });
      const cells = await last.locator('td').allInnerTexts();
      assert.equal(cells[1], String(whole.classes));
      assert.equal(cells[2], String(whole.students));

      // Another view keeps the school: the year classification of 10A1 lists its students.
      await page.getByRole('tab', { name: 'Xếp loại cả năm' }).click();
      await page.waitForURL(new RegExp(`/bao-cao/xep-loai-ca-nam\\?truong=${school}$`));
      await page.getByLabel('Lớp').click();
      await page.getByTitle('10A1', { exact: true }).click();
      const view = await page.evaluate(async (u) => {
        const classes = (await (await fetch(`/api/v1/schools/${u}/classes`)).json()).items;
        const id = classes.find((c) => c.name === '10A1').id;
        return (await fetch(`/api/v1/reports/classes/${id}/year-classification`)).json();
      }, school);
      const rows = page.getByTestId('class-summary').locator('.ant-table-row');
      await rows.first().waitFor();
      assert.equal(await rows.count(), view.rows.length);
      await page.getByTestId('class-summary').getByText(view.rows[0].student.full_name).waitFor();

      // A reload keeps the chosen school (it is in the address).
      await page.reload();
      await page.getByText('Trường THPT Chu Văn An', { exact: true }).first().waitFor();
      assert.equal(new URL(page.url()).searchParams.get('truong'), school);
      assert.deepEqual(
        problems.filter((p) => !p.endsWith('net::ERR_ABORTED')),
        [],
        'the page reported problems',
      );
    } catch (error) {
      error.message += `\n(screenshot: ${await screenshot(page, 'reports-authority')})`;
      throw error;
    } finally {
      await context.close();
    }
  });
});
