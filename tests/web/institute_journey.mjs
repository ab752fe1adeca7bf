// The institute's journey: the same listing components as the enterprise's, for offerings.
// Create an offering (asking price shown exactly), see the enterprise need it matches with
// the explanation, in traditional Chinese; axe on the page.
import assert from 'node:assert/strict';
import path from 'node:path';

import {checkAccessibility, run, signedInContext, step} from './harness.mjs';

await run(async (env) => {
  const server = await env.startServer();
  const {call} = server;

  await step('organizations and a need to match (admin)', async () => {
    await call('OrganizationService/CreateOrganization', {
      organizationId: 'lzlj',
      organization: {displayName: '泸州老窖', kind: 'ENTERPRISE', regionCode: '510500'}
    });
    await call('OrganizationService/CreateOrganization', {
      organizationId: 'scu',
      organization: {displayName: '四川大学', kind: 'UNIVERSITY', regionCode: '510100'}
    });
    await call('NeedService/CreateNeed', {
      needId: 'pit-mud',
      need: {
        enterprise: 'organizations/lzlj',
        title: '窖泥老化防治',
        description: '浓香型白酒窖泥老化的微生物防治',
        keywords: ['窖泥', '老化', '微生物'],
        industries: ['industries/liquor']
      }
    });
  });
  const token = server.mint('INSTITUTE', 'organizations/scu');
  const context = await signedInContext(env.browser, server.base, token);
  const page = await context.newPage();

  await step('signed in as the institute, in zh-Hant: its own pages', async () => {
    await page.goto(server.base + '/');
    await page.getByLabel('语言').selectOption('zh-Hant');
    await page.getByRole('heading', {name: '本機構的技術成果'}).waitFor();
    assert.deepEqual(await page.getByRole('navigation').getByRole('link').allInnerTexts(),
                     ['技術成果', '展會', '協議', '項目臺賬']);
  });

  await step('an offering with its asking price, then its matches', async () => {
    await page.getByRole('button', {name: '新增成果'}).click();
    const form = page.getByRole('form', {name: '新增成果'});
    await form.getByLabel('標題').fill('窖泥功能菌群定向培養技術');
    await form.getByLabel('關鍵詞（逗號分隔）').fill('窖泥, 微生物, 老化');
    await form.getByLabel('行業（industries/…，逗號分隔）').fill('industries/liquor');
    await form.getByLabel('轉讓價格（元）').fill('850000');
    await form.getByLabel('技術成熟度（1–9）').fill('10');
    await form.getByRole('button', {name: '儲存'}).click();
    await form.getByText('請輸入1到9的整數').waitFor();
    await form.getByLabel('技術成熟度（1–9）').fill('6');
    await form.getByRole('button', {name: '儲存'}).click();
    await page.getByRole('heading', {name: '窖泥功能菌群定向培養技術'}).waitFor();
    await page.getByText('轉讓價格（元）: 85萬元').waitFor();
    // An institute's offering waits for review: the organizer (here the admin) publishes it.
    const submitted = await call('OfferingService/ListOfferings', {});
    await call('OfferingService/PublishOffering', {name: submitted.offerings[0].name});
    await page.getByRole('button', {name: '查看媒合'}).click();
    await page.getByRole('region', {name: /媒合結果/}).getByText('窖泥老化防治').waitFor();
    await checkAccessibility(page, env.axeSource, 'offerings with matches');
    await page.screenshot(
        {path: path.join(env.screenshotDir, 'institute-matches.png'), fullPage: true});
    const listed = await call('OfferingService/ListOfferings', {});
    assert.equal(listed.offerings[0].askingPrice.units, '850000');
    assert.equal(listed.offerings[0].trl, 6);
  });

  await step('without a session only the sign-in page is there', async () => {
    const anonymous = await env.browser.newContext({locale: 'zh-CN'});
    const lost = await anonymous.newPage();
    await lost.goto(server.base + '/#/offerings');
    await lost.getByRole('heading', {name: '登录'}).waitFor();
    assert.equal(await lost.getByRole('heading', {name: '本机构的技术成果'}).count(), 0);
    await anonymous.close();
  });

  assert.deepEqual(context.problems, [], 'no page errors or CSP violations');
  await context.close();
});
