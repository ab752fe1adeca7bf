// The programme ledger in the portal: an organizer issues a target for Luzhou (510500) and
// records a county's figure (the target's actual rolls it up), each bad field refused beside it
// — by the page (letters for a count) and by the server (a region that is not GB/T 2260) —
// then records a funded project with an arrival (exact 万 figures), a commissioner and a loan.
// A Luzhou official reads all of them without the write buttons, a Chengdu official sees none
// of them, and the lead enterprise sees its project and loan. axe on every page, screenshots,
// nothing wider than 360 px.
import assert from 'node:assert/strict';
import childProcess from 'node:child_process';
import path from 'node:path';

import {checkAccessibility, run, signedInContext, step} from './harness.mjs';

const kYear = '2025';
const yesterday = new Date(Date.now() - 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);

async function enter(page, base, hash = '') {
  await page.goto(`${base}/${hash}`);
  await page.getByRole('navigation').first().waitFor();
}

async function fitsIn360(page, what) {
  await page.setViewportSize({width: 360, height: 740});
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what} is wider than 360 px by ${overflow} px`);
  await page.setViewportSize({width: 1280, height: 800});
}

await run(async (env) => {
  const server = await env.startServer();
  const {call} = server;
  const shot = (page, name) =>
      page.screenshot({path: path.join(env.screenshotDir, `ledger-${name}.png`), fullPage: true});
  // A key limited to a region (the harness mints keys without one).
  const regionalKey = (role, region) => childProcess.execFileSync(env.serverBin, [
    `--db=${path.join(server.dir, 'techmatch.db')}`, 'keys', 'create', '--role', role, '--region', region,
    '--label', `web-${role}-${region}`
  ], {encoding: 'utf8'}).trim();

  await step('organizations (admin)', async () => {
    for (const [id, displayName, kind, regionCode] of [
      ['lzlj', '泸州老窖', 'ENTERPRISE', '510502'], ['scu', '四川大学', 'UNIVERSITY', '510100'],
      ['lzbank', '泸州银行', 'FINANCIAL_INSTITUTION', '510500']]) {
      await call('OrganizationService/CreateOrganization',
                 {organizationId: id, organization: {displayName, kind, regionCode}});
    }
  });

  const organizer = await signedInContext(env.browser, server.base, server.mint('ORGANIZER'));
  const page = await organizer.newPage();
  await step('a target and a county\'s figure; bad fields beside them', async () => {
    await enter(page, server.base);
    await page.getByRole('navigation').getByRole('link', {name: '项目台账'}).click();
    await page.getByRole('heading', {name: '指标与目标'}).waitFor();
    const filter = page.getByRole('form', {name: '筛选条件'});
    await filter.getByLabel('年度').fill(kYear);
    await filter.getByRole('button', {name: '应用'}).click();
    await page.getByText('暂无记录').waitFor();
    await page.getByRole('button', {name: '下达目标'}).click();
    const form = page.getByRole('form', {name: '下达目标'});
    await form.getByLabel('指标').selectOption('indicators/spark_trainees');
    await form.getByLabel('行政区划代码（6位）').fill('51050');
    await form.getByLabel('目标值').fill('一千');
    await form.getByRole('button', {name: '保存'}).click();
    await form.getByText('请输入非负整数').waitFor();
    assert.equal(await form.getByLabel('目标值').getAttribute('aria-invalid'), 'true');
    // The page's check passes; the server refuses the region, beside the region.
    await form.getByLabel('目标值').fill('1,000');
    await form.getByRole('button', {name: '保存'}).click();
    await form.locator('#target-new-region-error').waitFor();
    assert.equal(await form.getByLabel('行政区划代码（6位）').getAttribute('aria-invalid'), 'true');
    assert.equal((await call('TargetService/ListTargets', {})).targets?.length ?? 0, 0);
    await checkAccessibility(page, env.axeSource, 'target form with errors');
    await fitsIn360(page, 'the target form');
    await form.getByLabel('行政区划代码（6位）').fill('510500');
    await form.getByRole('button', {name: '保存'}).click();
    await page.getByText(/^已保存: 星火培训人次 510500 2025/).waitFor();

    await page.getByRole('button', {name: '填报指标数据'}).click();
    const observation = page.getByRole('form', {name: '填报指标数据'});
    await observation.getByLabel('指标').selectOption('indicators/spark_trainees');
    await observation.getByLabel('行政区划代码（6位）').fill('510521');
    await observation.getByLabel('期间').selectOption({label: '全年'});
    await observation.getByLabel('数值').fill('1200');
    await observation.getByRole('button', {name: '保存'}).click();
    await page.getByText(/^已填报: 星火培训人次 510521 2025/).waitFor();
    const row = page.getByRole('group', {name: `指标与目标 ${kYear}`}).getByRole('row', {name: /星火培训人次/});
    await row.getByRole('cell', {name: '1200', exact: true}).waitFor();
    await row.getByRole('cell', {name: '120%'}).waitFor();
    await row.getByRole('cell', {name: '已完成'}).waitFor();
    await checkAccessibility(page, env.axeSource, 'targets (organizer)');
    await shot(page, 'targets');
  });

  await step('a target\'s value changed with its etag', async () => {
    await page.getByRole('button', {name: '编辑: 星火培训人次 510500'}).click();
    const form = page.getByRole('form', {name: '编辑: 星火培训人次 510500 2025'});
    await form.getByLabel('目标值').fill('1500');
    await form.getByRole('button', {name: '保存'}).click();
    const row = page.getByRole('group', {name: `指标与目标 ${kYear}`}).getByRole('row', {name: /星火培训人次/});
    await row.getByRole('cell', {name: '80%'}).waitFor();
    await row.getByRole('cell', {name: '未完成'}).waitFor();
  });

  await step('a funded project, an arrival with exact sums', async () => {
    await page.getByRole('navigation', {name: '科技工作台账'}).getByRole('link', {name: '科技项目'}).click();
    await page.getByRole('button', {name: '登记项目'}).click();
    const form = page.getByRole('form', {name: '登记项目'});
    await form.getByLabel('标题').fill('浓香型白酒酿造微生物技术');
    await form.getByLabel('级别').selectOption({label: '国家级'});
    await form.getByLabel('计划类别').fill('国家科技支撑计划');
    await form.getByLabel('承担单位').selectOption('organizations/lzlj');
    await form.getByLabel('合作单位').selectOption(['organizations/scu']);
    await form.getByLabel('行政区划代码（6位）').fill('510502');
    await form.getByLabel('立项年度').fill(kYear);
    await form.getByLabel('批准经费（元）').fill('300.5万');
    await form.getByRole('button', {name: '保存'}).click();
    await page.getByText('已保存: 浓香型白酒酿造微生物技术').waitFor();
    const detail = page.getByRole('region', {name: '浓香型白酒酿造微生物技术'});
    await detail.getByText('300.5万元').waitFor();
    await detail.getByText('四川大学').waitFor();
    await detail.getByRole('button', {name: '登记经费到位'}).click();
    const arrival = detail.getByRole('form', {name: '登记经费到位'});
    await arrival.getByLabel('金额（元）').fill('1,200,000.5');
    await arrival.getByLabel('到位日期').fill(yesterday);
    await arrival.getByLabel('备注').fill('第一笔');
    await arrival.getByRole('button', {name: '保存'}).click();
    await detail.getByText('已登记到位经费: 120.00005万元').waitFor();
    await detail.getByRole('group', {name: '经费到位记录'}).getByRole('cell', {name: '第一笔'}).waitFor();
    const row = page.getByRole('group', {name: '科技项目'}).getByRole('row', {name: /浓香型白酒/});
    await row.getByRole('cell', {name: '120.00005万元'}).waitFor();
    const stored = (await call('ProjectService/ListProjects', {})).projects[0];
    assert.deepEqual(stored.approvedFunds, {currencyCode: 'CNY', units: '3005000'});
    assert.deepEqual(stored.arrivedFunds, {currencyCode: 'CNY', units: '1200000', nanos: 500000000});
    await checkAccessibility(page, env.axeSource, 'project with its arrivals (organizer)');
    await shot(page, 'project');
    await fitsIn360(page, 'the projects page');
  });

  await step('a commissioner and a loan', async () => {
    await page.getByRole('navigation', {name: '科技工作台账'}).getByRole('link', {name: '科技特派员'}).click();
    await page.getByRole('button', {name: '登记科技特派员'}).click();
    const form = page.getByRole('form', {name: '登记科技特派员'});
    await form.getByLabel('姓名').fill('王力');
    await form.getByLabel('派出单位').selectOption('organizations/scu');
    await form.getByLabel('服务地区代码').fill('510521');
    await form.getByLabel('年度').fill(kYear);
    await form.getByLabel('服务模式').selectOption({label: '技术推动型'});
    await form.getByLabel('推广新技术').fill('3');
    await form.getByLabel('带动农民增收（元）').fill('12.5万');
    await form.getByRole('button', {name: '保存'}).click();
    await page.getByText('已保存: 王力').waitFor();
    const row = page.getByRole('group', {name: '科技特派员'}).getByRole('row', {name: /王力/});
    await row.getByRole('cell', {name: '12.5万元'}).waitFor();
    await checkAccessibility(page, env.axeSource, 'commissioners (organizer)');
    await shot(page, 'commissioners');

    await page.getByRole('navigation', {name: '科技工作台账'}).getByRole('link', {name: '科技金融'}).click();
    await page.getByRole('button', {name: '登记科技金融'}).click();
    const financing = page.getByRole('form', {name: '登记科技金融'});
    await financing.getByLabel('类别').selectOption({label: '贷款'});
    await financing.getByLabel('提供方').selectOption('organizations/lzbank');
    await financing.getByLabel('受资方', {exact: true}).selectOption('organizations/lzlj');
    await financing.getByLabel('金额（元）').fill('5000000');
    await financing.getByLabel('发放日期').fill(yesterday);
    await financing.getByRole('button', {name: '保存'}).click();
    await page.getByText('已保存: 贷款 500万元').waitFor();
    const loan = page.getByRole('group', {name: '科技金融'}).getByRole('row', {name: /贷款/});
    await loan.getByRole('cell', {name: '510502'}).waitFor();
    await checkAccessibility(page, env.axeSource, 'financing (organizer)');
    await shot(page, 'financing');
  });

  const official = await signedInContext(env.browser, server.base, regionalKey('OFFICIAL', '510500'));
  await step('a Luzhou official reads them all, without write buttons', async () => {
    const own = await official.newPage();
    await enter(own, server.base, '#/ledger/targets');
    const filter = own.getByRole('form', {name: '筛选条件'});
    assert.equal(await filter.getByLabel('地区代码（含下级）').inputValue(), '510500');
    await filter.getByLabel('年度').fill(kYear);
    await filter.getByRole('button', {name: '应用'}).click();
    const row = own.getByRole('group', {name: `指标与目标 ${kYear}`}).getByRole('row', {name: /星火培训人次/});
    await row.getByRole('cell', {name: '80%'}).waitFor();
    assert.equal(await own.getByRole('button', {name: '下达目标'}).count(), 0);
    await checkAccessibility(own, env.axeSource, 'targets (official)');
    await own.getByRole('navigation', {name: '科技工作台账'}).getByRole('link', {name: '科技项目'}).click();
    await own.getByRole('button', {name: '浓香型白酒酿造微生物技术'}).click();
    const detail = own.getByRole('region', {name: '浓香型白酒酿造微生物技术'});
    await detail.getByRole('group', {name: '经费到位记录'}).getByRole('cell', {name: '120.00005万元'}).waitFor();
    assert.equal(await detail.getByRole('button', {name: '登记经费到位'}).count(), 0);
    assert.equal(await own.getByRole('button', {name: '登记项目'}).count(), 0);
    await checkAccessibility(own, env.axeSource, 'project (official)');
    await own.getByRole('navigation', {name: '科技工作台账'}).getByRole('link', {name: '科技特派员'}).click();
    await own.getByRole('group', {name: '科技特派员'}).getByRole('rowheader', {name: '王力'}).waitFor();
    await own.getByRole('navigation', {name: '科技工作台账'}).getByRole('link', {name: '科技金融'}).click();
    await own.getByRole('group', {name: '科技金融'}).getByRole('cell', {name: '500万元'}).waitFor();
    await own.getByLabel('语言').selectOption('en');
    await own.getByRole('group', {name: 'Science and finance'}).getByRole('cell', {name: 'CNY 5,000,000.00'}).waitFor();
    await own.getByLabel('Language').selectOption('zh-Hans');
    await checkAccessibility(own, env.axeSource, 'financing (official)');
    await shot(own, 'official');
  });

  await step('the official opens the year\'s report, in two languages, and prints it', async () => {
    const report = await official.newPage();
    await enter(report, server.base);
    await report.getByRole('navigation').getByRole('link', {name: '年度报告'}).click();
    const controls = report.getByRole('form', {name: '报告年度与地区'});
    assert.equal(await controls.getByLabel('行政区划代码（6位）').inputValue(), '510500');
    await controls.getByLabel('年度').fill(kYear);
    await controls.getByRole('button', {name: '生成报告'}).click();
    await report.getByRole('heading', {name: `科技工作年度报告 · 510500 · ${kYear}`}).waitFor();
    const narrative = report.getByRole('region', {name: '综述'}).locator('.narrative');
    await narrative.locator('p').first().waitFor();
    const indicators = report.getByRole('group', {name: '指标与目标'});
    const spark = indicators.getByRole('row', {name: /星火培训人次/});
    await spark.getByRole('cell', {name: '80%'}).waitFor();
    await spark.getByRole('cell', {name: '未完成'}).waitFor();
    const projects = report.getByRole('group', {name: '科技项目', exact: true});
    await projects.getByRole('rowheader', {name: '国家级'}).waitFor();
    await projects.getByRole('cell', {name: '300.5万元'}).first().waitFor();
    await projects.getByRole('cell', {name: '120.00005万元'}).first().waitFor();
    const commissioners = report.getByRole('group', {name: '科技特派员'});
    await commissioners.getByRole('row', {name: /带动农民增收/}).getByRole('cell', {name: '12.5万元'}).waitFor();
    await report.getByRole('group', {name: '下级地区'}).getByRole('rowheader', {name: '510502'}).waitFor();
    await checkAccessibility(report, env.axeSource, 'programme report (official)');
    await shot(report, 'report');
    await fitsIn360(report, 'the programme report');
    // The narrative follows the page's language: asked again in English.
    const zh = await narrative.innerText();
    await report.getByLabel('语言').selectOption('en');
    await report.getByRole('heading', {name: 'Summary'}).waitFor();
    await report.getByRole('cell', {name: 'CNY 3,005,000.00'}).first().waitFor();
    await report.waitForFunction((before) => {
      const text = document.querySelector('.narrative')?.textContent ?? '';
      return text !== '' && text !== before && /[A-Za-z]{4}/.test(text);
    }, zh);
    await checkAccessibility(report, env.axeSource, 'programme report (official, English)');
    await report.getByLabel('Language').selectOption('zh-Hans');
    // Printed: no navigation or controls, the tables kept.
    assert.ok(await report.getByRole('button', {name: '打印'}).isEnabled());
    await report.emulateMedia({media: 'print'});
    assert.equal(await report.locator('header.top').isVisible(), false);
    assert.equal(await controls.isVisible(), false);
    assert.ok(await report.getByRole('group', {name: '科技项目', exact: true}).isVisible());
    await report.pdf({path: path.join(env.screenshotDir, 'ledger-report.pdf'), format: 'A4'});
    await report.emulateMedia({media: 'screen'});
  });

  const elsewhere = await signedInContext(env.browser, server.base, regionalKey('OFFICIAL', '510100'));
  await step('a Chengdu official sees none of Luzhou\'s records', async () => {
    const other = await elsewhere.newPage();
    await enter(other, server.base, '#/ledger/projects');
    await other.getByText('暂无记录').waitFor();
    assert.equal(await other.getByText('浓香型白酒酿造微生物技术').count(), 0);
  });

  const enterprise = await signedInContext(
      env.browser, server.base, server.mint('ENTERPRISE', 'organizations/lzlj'));
  await step('the lead enterprise reads its project and its loan', async () => {
    const own = await enterprise.newPage();
    await enter(own, server.base);
    await own.getByRole('navigation').getByRole('link', {name: '项目台账'}).click();
    const sections = own.getByRole('navigation', {name: '科技工作台账'});
    assert.equal(await sections.getByRole('link', {name: '指标与目标'}).count(), 0);
    await own.getByRole('group', {name: '科技项目'}).getByRole('button', {name: '浓香型白酒酿造微生物技术'}).waitFor();
    assert.equal(await own.getByRole('button', {name: '登记项目'}).count(), 0);
    await sections.getByRole('link', {name: '科技金融'}).click();
    await own.getByRole('group', {name: '科技金融'}).getByRole('cell', {name: '泸州银行'}).waitFor();
    await checkAccessibility(own, env.axeSource, 'financing (enterprise)');
  });

  assert.deepEqual([...organizer.problems, ...official.problems, ...elsewhere.problems, ...enterprise.problems], [],
                   'no page errors or CSP violations');
});
