// Agreements at the fair: the organizer records one with exact figures (12,345,678.90 yuan shown
// as 1234.56789万元), each refused field shown beside it — by the page (a figure finer than a
// fen, letters) and by the server (no title) — then starts it, records a realized figure (kept in
// the history) and completes it. The enterprise party sees it read-only, another enterprise does
// not see it, and the official reads the fair's summary with its narrative in zh-Hans and
// English. axe on every page, screenshots.
import assert from 'node:assert/strict';
import path from 'node:path';

import {checkAccessibility, run, signedInContext, step} from './harness.mjs';

const kTitle = '窖泥功能菌群技术开发合同';
const yesterday = new Date(Date.now() - 86400_000).toISOString().slice(0, 10);

async function enter(page, base) {
  // The pages follow the role of the key in the session cookie (GET /session): nothing to choose.
  await page.goto(base + '/');
  await page.getByRole('navigation').first().waitFor();
}

await run(async (env) => {
  const server = await env.startServer();
  const {call} = server;
  const shot = (page, name) =>
      page.screenshot({path: path.join(env.screenshotDir, `agreements-${name}.png`), fullPage: true});

  await step('a university, two enterprises and a fair (admin)', async () => {
    for (const [id, displayName, kind] of [['scu', '四川大学', 'UNIVERSITY'], ['lzlj', '泸州老窖', 'ENTERPRISE'],
                                           ['rival', '另一家酒厂', 'ENTERPRISE']]) {
      await call('OrganizationService/CreateOrganization',
                 {organizationId: id, organization: {displayName, kind, regionCode: '510500'}});
    }
    await call('EventService/CreateEvent', {
      eventId: 'fair',
      event: {
        displayName: '产学研合作洽谈会',
        location: '泸州',
        startTime: new Date(Date.now() - 3 * 86400_000).toISOString(),
        endTime: new Date(Date.now() - 2 * 86400_000).toISOString(),
      }
    });
  });

  const organizer = await signedInContext(env.browser, server.base, server.mint('ORGANIZER'));
  const page = await organizer.newPage();
  await step('the organizer\'s form refuses each bad field beside it', async () => {
    await enter(page, server.base);
    await page.getByRole('navigation').getByRole('link', {name: '协议'}).click();
    await page.getByRole('button', {name: '录入协议'}).click();
    const form = page.getByRole('form', {name: '录入协议'});
    await form.getByLabel('签约方 1', {exact: true}).selectOption('organizations/scu');
    await form.getByLabel('签约方 2', {exact: true}).selectOption('organizations/lzlj');
    await form.getByLabel('角色 2').selectOption({label: '需方'});
    await form.getByLabel('签约展会').selectOption('events/fair');
    await form.getByLabel('行业（industries/…，逗号分隔）').fill('industries/liquor');
    await form.getByLabel('签约日期').fill(yesterday);
    await form.getByLabel('合同金额（元）').fill('12,345,678.905');
    await form.getByLabel('总投资（元）').fill('二亿');
    await form.getByRole('button', {name: '保存'}).click();
    await form.getByText('金额最多精确到分（2位小数）').waitFor();
    await form.getByText('请输入非负金额，如 12,345,678.90').waitFor();
    assert.equal(await form.getByLabel('合同金额（元）').getAttribute('aria-invalid'), 'true');
    // The page's checks pass; the server refuses the missing title, beside the title.
    await form.getByLabel('合同金额（元）').fill('12,345,678.90');
    await form.getByLabel('总投资（元）').fill('2.5亿');
    await form.getByLabel('预计销售收入（元）').fill('1234.56789万');
    await form.getByRole('button', {name: '保存'}).click();
    const titleError = form.locator('#agreement-new-title-error');
    await titleError.waitFor();
    assert.equal(await form.getByLabel('标题').getAttribute('aria-invalid'), 'true');
    assert.equal((await call('AgreementService/ListAgreements', {})).agreements?.length ?? 0, 0);
    await checkAccessibility(page, env.axeSource, 'agreement form with errors');
    await shot(page, 'form-errors');
    await page.setViewportSize({width: 360, height: 740});
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the form is wider than 360 px by ${overflow} px`);
    await page.setViewportSize({width: 1280, height: 800});
    await form.getByLabel('标题').fill(kTitle);
    await form.getByRole('button', {name: '保存'}).click();
    await page.getByText(`已保存: ${kTitle}`).waitFor();
  });

  let name;
  await step('exact figures, then start, a realized figure with its history, complete', async () => {
    const detail = page.getByRole('region', {name: kTitle});
    await detail.getByText('1234.56789万元').first().waitFor();
    await detail.getByText('2.5亿元').waitFor();
    const stored = (await call('AgreementService/ListAgreements', {})).agreements[0];
    name = stored.name;
    assert.deepEqual(stored.contractAmount, {currencyCode: 'CNY', units: '12345678', nanos: 900000000});
    assert.deepEqual(stored.expectedSalesRevenue, {currencyCode: 'CNY', units: '12345678', nanos: 900000000});
    assert.equal(stored.totalInvestment.units, '250000000');
    await detail.getByRole('button', {name: '进入实施'}).click();
    await detail.getByText('状态: 实施中').waitFor();
    await detail.getByRole('button', {name: '编辑'}).click();
    const form = page.getByRole('form', {name: `编辑: ${kTitle}`});
    await form.getByLabel('新增产值（元）').fill('300万');
    await form.getByRole('button', {name: '保存'}).click();
    await detail.getByText(`已保存: ${kTitle}`).waitFor();
    const history = detail.getByRole('group', {name: '金额变更记录'});
    await history.getByRole('cell', {name: '新增产值'}).waitFor();
    await history.getByRole('cell', {name: '300万元'}).waitFor();
    await detail.getByRole('button', {name: '完成'}).click();
    await detail.getByText('状态: 已完成').waitFor();
    assert.equal(await detail.getByRole('button', {name: '终止'}).count(), 0);
    const row = page.getByRole('group', {name: '已签协议'}).getByRole('row', {name: new RegExp(kTitle)});
    await row.getByRole('cell', {name: '已完成'}).waitFor();
    await row.getByRole('cell', {name: '1234.56789万元'}).waitFor();
    await checkAccessibility(page, env.axeSource, 'agreement detail (organizer)');
    await shot(page, 'organizer');
    const completed = await call('AgreementService/GetAgreement', {name});
    assert.equal(completed.state, 'COMPLETED');
    assert.equal(completed.realizedOutputValue.units, '3000000');
  });

  await step('a stale edit is refused; termination after a confirmation', async () => {
    await call('AgreementService/CreateAgreement', {
      agreementId: 'second',
      agreement: {
        title: '技术咨询合同',
        kind: 'TECHNOLOGY_CONSULTING',
        parties: [{organization: 'organizations/scu', role: 'SUPPLIER'},
                  {organization: 'organizations/lzlj', role: 'DEMANDER'}],
        signTime: new Date(Date.now() - 86400_000).toISOString(),
      }
    });
    await page.reload();
    await page.getByRole('button', {name: '技术咨询合同'}).click();
    const detail = page.getByRole('region', {name: '技术咨询合同'});
    await detail.getByRole('button', {name: '编辑'}).click();
    // Someone else changes it meanwhile: the page's etag is stale.
    await call('AgreementService/UpdateAgreement', {
      agreement: {name: 'agreements/second', title: '技术咨询合同（修订）'},
      updateMask: 'title',
    });
    const form = page.getByRole('form', {name: '编辑: 技术咨询合同'});
    await form.getByLabel('合同金额（元）').fill('50000');
    await form.getByRole('button', {name: '保存'}).click();
    await form.getByRole('alert').getByText(/^此记录已被他人修改，请关闭后重新打开再改 \(etag .* is stale/).waitFor();
    assert.equal((await call('AgreementService/GetAgreement', {name: 'agreements/second'})).contractAmount,
                 undefined);
    await form.getByRole('button', {name: '取消'}).click();
    await page.reload();
    await page.getByRole('button', {name: '技术咨询合同（修订）'}).click();
    const fresh = page.getByRole('region', {name: '技术咨询合同（修订）'});
    page.once('dialog', (dialog) => dialog.accept());
    await fresh.getByRole('button', {name: '终止'}).click();
    await fresh.getByText('状态: 已终止').waitFor();
    assert.equal(await fresh.getByRole('button', {name: '编辑'}).count(), 0);
    assert.equal((await call('AgreementService/GetAgreement', {name: 'agreements/second'})).state, 'TERMINATED');
  });

  const party = await signedInContext(
      env.browser, server.base, server.mint('ENTERPRISE', 'organizations/lzlj'));
  await step('the enterprise party sees it read-only', async () => {
    const own = await party.newPage();
    await enter(own, server.base);
    await own.getByRole('navigation').getByRole('link', {name: '协议'}).click();
    await own.getByRole('button', {name: kTitle}).click();
    const detail = own.getByRole('region', {name: kTitle});
    await detail.getByText('1234.56789万元').first().waitFor();
    await detail.getByText('四川大学 · 供方').waitFor();
    assert.equal(await own.getByRole('button', {name: '录入协议'}).count(), 0);
    assert.equal(await detail.getByRole('button', {name: '编辑'}).count(), 0);
    await checkAccessibility(own, env.axeSource, 'agreements (enterprise party)');
  });

  const other = await signedInContext(
      env.browser, server.base, server.mint('ENTERPRISE', 'organizations/rival'));
  await step('another enterprise does not see it', async () => {
    const page = await other.newPage();
    await enter(page, server.base);
    await page.getByRole('navigation').getByRole('link', {name: '协议'}).click();
    await page.getByText('暂无记录').waitFor();
    assert.equal(await page.getByText(kTitle).count(), 0);
  });

  const official = await signedInContext(env.browser, server.base, server.mint('OFFICIAL'));
  await step('the official reads the fair\'s summary with its narrative', async () => {
    const page = await official.newPage();
    await enter(page, server.base);
    const summary = page.getByRole('region', {name: '展会成果综述'});
    const narrative = summary.locator('.narrative');
    await narrative.waitFor();
    assert.match(await narrative.innerText(), /产学研合作洽谈会/);
    assert.match(await narrative.innerText(), /1234\.57万元/);
    const agreements = summary.getByRole('group', {name: '签约情况'});
    await agreements.getByRole('rowheader', {name: '技术开发合同'}).waitFor();
    await agreements.getByRole('cell', {name: '1234.56789万元'}).first().waitFor();
    await checkAccessibility(page, env.axeSource, 'dashboard with the event summary');
    await shot(page, 'event-summary');
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('region', {name: 'Event summary'}).locator('.narrative')
        .getByText(/CNY 12,345,678\.90/).waitFor();
    await page.getByLabel('Language').selectOption('zh-Hans');
  });

  assert.deepEqual([...organizer.problems, ...party.problems, ...other.problems, ...official.problems], [],
                   'no page errors or CSP violations');
});
