// The official's journey: the agreements dashboard (SummarizeAgreements by kind, industry,
// region and signing month: charts and tables with exact money), a filter, the CSV export;
// axe on the page, screenshots, and the time from opening the page to every table and chart
// drawn, which must stay within 1 s.
//
// TECHMATCH_WEB_AGREEMENTS (default 400) agreements are created through the API first; the
// README's figure for 100,000 comes from TECHMATCH_WEB_AGREEMENTS=100000 (seeding that many
// through the API takes minutes, so the regular run uses fewer: the page's work depends on the
// number of groups, not of agreements, which the server aggregates).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import {checkAccessibility, run, signedInContext, step} from './harness.mjs';

const kAgreements = Number(process.env.TECHMATCH_WEB_AGREEMENTS || 400);
const kRenderBudgetMs = 1000;
const kKinds = [
  'TECHNOLOGY_DEVELOPMENT', 'TECHNOLOGY_TRANSFER', 'TECHNOLOGY_LICENSE', 'TECHNOLOGY_CONSULTING',
  'TECHNOLOGY_SERVICE'
];
const kIndustries = [
  'industries/liquor', 'industries/chemicals', 'industries/energy', 'industries/electronics',
  'industries/pharmaceuticals', 'industries/machinery'
];
const kEnterprises = [
  ['lzlj', '510500'], ['tianhua', '510500'], ['boe', '510100'], ['kelun', '510100'],
  ['dongfang', '510600'], ['wuliangye', '511500']
];
const kSuppliers = [['scu', '510100'], ['swu', '500000'], ['cas-cib', '510100']];

// The i-th agreement: contract amount 10,000.50 + i yuan, so the sum is known exactly.
function agreement(i) {
  const [demander] = kEnterprises[i % kEnterprises.length];
  const [supplier] = kSuppliers[i % kSuppliers.length];
  return {
    agreementId: `a${i}`,
    agreement: {
      title: `技术合同 ${i}`,
      kind: kKinds[i % kKinds.length],
      parties: [
        {organization: `organizations/${supplier}`, role: 'SUPPLIER'},
        {organization: `organizations/${demander}`, role: 'DEMANDER'}
      ],
      industries: [kIndustries[i % kIndustries.length]],
      signTime: `2025-${String(1 + (i % 12)).padStart(2, '0')}-15T02:00:00Z`,
      contractAmount: {currencyCode: 'CNY', units: String(10000 + i), nanos: 500000000},
      totalInvestment: {currencyCode: 'CNY', units: '20000000'},
    },
  };
}

await run(async (env) => {
  const server = await env.startServer();
  const {call} = server;
  const shot = (page, name) =>
      page.screenshot({path: path.join(env.screenshotDir, `official-${name}.png`), fullPage: true});

  await step(`${kAgreements} agreements through the API (admin)`, async () => {
    for (const [id, region] of kEnterprises) {
      await call('OrganizationService/CreateOrganization', {
        organizationId: id,
        organization: {displayName: id, kind: 'ENTERPRISE', regionCode: region}
      });
    }
    for (const [id, region] of kSuppliers) {
      await call('OrganizationService/CreateOrganization', {
        organizationId: id,
        organization: {displayName: id, kind: 'UNIVERSITY', regionCode: region}
      });
    }
    let next = 0;
    const worker = async () => {
      while (next < kAgreements) await call('AgreementService/CreateAgreement', agreement(next++));
    };
    await Promise.all(Array.from({length: 16}, worker));
  });

  const token = server.mint('OFFICIAL');
  const context = await signedInContext(env.browser, server.base, token, {acceptDownloads: true});
  const page = await context.newPage();
  // An official without an organization: its first page is the dashboard.
  await page.goto(server.base + '/');
  await page.getByRole('heading', {name: '签约统计', level: 2}).waitFor();

  const tables = page.locator('.summary table');
  const charts = page.locator('.summary .chart canvas');
  await step(`the dashboard renders within ${kRenderBudgetMs} ms`, async () => {
    // Fresh loads of the page (the script cached, as for a returning user), each measured until
    // all four tables and charts are drawn; the best of three, as the machine may be busy.
    const times = [];
    for (let run = 0; run < 3; ++run) {
      await page.goto('about:blank');
      const start = Date.now();
      await page.goto(server.base + '/#/dashboard');
      await page.waitForFunction(
          () => document.querySelectorAll('.summary table').length === 4 &&
              document.querySelectorAll('.summary .chart canvas').length === 4);
      times.push(Date.now() - start);
      if (process.env.TECHMATCH_WEB_TIMINGS) {
        console.log(await page.evaluate(
            () => JSON.stringify(performance.getEntries().map(
                (e) =>
                    [e.entryType, e.name.replace(location.origin, ''), Math.round(e.startTime),
                     Math.round(e.duration)]))));
      }
    }
    const best = Math.min(...times);
    console.log(`\n  dashboard over ${kAgreements} agreements: ${
        times.join(', ')} ms to four tables and charts`);
    assert.ok(best <= kRenderBudgetMs, `best of ${times.join(', ')} ms > ${kRenderBudgetMs} ms`);
    assert.equal(await tables.count(), 4);
    assert.equal(await charts.count(), 4);
  });

  await step('exact totals, kinds by name, months in order', async () => {
    const byKind = page.getByRole('region', {name: '按协议类型'});
    await byKind.getByRole('rowheader', {name: '技术转让合同'}).waitFor();
    // Sum of 10,000.5 + i for i < n, exactly.
    const nanos = BigInt(kAgreements) * 10000500000000n +
        BigInt(kAgreements * (kAgreements - 1) / 2) * 1000000000n;
    const units = (nanos / 1000000000n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const fraction =
        (nanos % 1000000000n).toString().padStart(9, '0').replace(/0+$/, '').padEnd(2, '0');
    const totalRow = byKind.locator('tfoot tr');
    assert.equal(await totalRow.locator('td').first().innerText(), String(kAgreements));
    await page.getByLabel('语言').selectOption('en');
    const englishTotal = page.getByRole('region', {name: 'By kind'}).locator('tfoot td').nth(1);
    assert.equal(await englishTotal.innerText(), `CNY ${units}.${fraction}`);
    await page.getByLabel('Language').selectOption('zh-Hans');
    const months =
        await page.getByRole('region', {name: '按签约月份'}).locator('tbody th').allInnerTexts();
    assert.deepEqual(months, [...months].sort());
    await checkAccessibility(page, env.axeSource, 'dashboard');
    await shot(page, 'dashboard');
  });

  await step('a filter narrows every summary', async () => {
    await page.getByLabel('筛选条件').fill('kind = TECHNOLOGY_TRANSFER');
    await page.getByRole('button', {name: '应用'}).click();
    const byKind = page.getByRole('region', {name: '按协议类型'});
    await page.waitForFunction(
        () => document.querySelectorAll('.summary tbody tr').length > 0 &&
            document.querySelector('.summary tbody')?.querySelectorAll('tr').length === 1);
    assert.deepEqual(await byKind.locator('tbody th').allInnerTexts(), ['技术转让合同']);
  });

  await step('CSV export of the filtered agreements', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', {name: '导出 CSV'}).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'agreements.csv');
    const csv = fs.readFileSync(await download.path(), 'utf8');
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(lines[0].split(',')[0], 'name');
    const transfers = Math.floor((kAgreements - 2) / kKinds.length) + 1;  // i % 5 == 1
    assert.equal(lines.length - 1, transfers);
    assert.ok(lines.slice(1).every((line) => line.includes(',TECHNOLOGY_TRANSFER,')));
    assert.match(lines[1], /,10001\.5,20000000,/);
    await page.getByText(`已导出 ${transfers} 条协议`).waitFor();
  });

  await step('usable at 360 px', async () => {
    await page.setViewportSize({width: 360, height: 740});
    const overflow =
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page wider than 360 px by ${overflow} px`);
    await shot(page, 'dashboard-360');
  });

  await step('the agreements list: exact amounts, kinds and states by name, a filter', async () => {
    await page.setViewportSize({width: 1280, height: 800});
    await page.getByRole('navigation').getByRole('link', {name: '协议'}).click();
    const table = page.getByRole('group', {name: '已签协议'});
    await table.getByRole('rowheader', {name: '技术合同 1', exact: true}).waitFor();
    const row = table.getByRole('row', {name: /技术合同 1 /});
    assert.deepEqual(
        (await row.locator('td').allInnerTexts()).filter((_, i) => i !== 2),
        ['技术转让合同', '已签约', '1.00015万元', '2000万元']);
    await page.getByLabel('筛选条件').fill('kind = TECHNOLOGY_LICENSE');
    await page.getByRole('button', {name: '应用'}).click();
    await table.getByRole('rowheader', {name: '技术合同 2', exact: true}).waitFor();
    const kinds = await table.locator('tbody td:first-of-type').allInnerTexts();
    assert.ok(kinds.length > 0 && kinds.every((k) => k === '技术许可合同'), kinds.join());
    await checkAccessibility(page, env.axeSource, 'agreements');
  });

  assert.deepEqual(context.problems, [], 'no page errors or CSP violations');
  await context.close();
});
