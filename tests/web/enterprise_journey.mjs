// The enterprise's journey in a real browser: the sign-in page, then signed in (the pages follow
// the account's role), create a need (first with
// bad input: the server's BadRequest shown beside each field), see the exact budget, edit it
// (etag), open its matches with their explanation, switch languages, withdraw it; axe on each
// page, screenshots at desktop and 360 px width.
import assert from 'node:assert/strict';
import path from 'node:path';

import {checkAccessibility, run, setSessionCookie, signedInContext, step} from './harness.mjs';

await run(async (env) => {
  const server = await env.startServer();
  const {call} = server;
  const shot = (page, name) => page.screenshot(
      {path: path.join(env.screenshotDir, `enterprise-${name}.png`), fullPage: true});

  await step('organizations and an offering to match (admin, over Connect JSON)', async () => {
    await call('OrganizationService/CreateOrganization', {
      organizationId: 'acme',
      organization: {displayName: '泸州老窖', kind: 'ENTERPRISE', regionCode: '510500'}
    });
    await call('OrganizationService/CreateOrganization', {
      organizationId: 'swu',
      organization: {displayName: '西南大学', kind: 'UNIVERSITY', regionCode: '500000'}
    });
    await call('OfferingService/CreateOffering', {
      offeringId: 'cellar-sensor',
      offering: {
        institute: 'organizations/swu',
        title: '窖池温度智能监测系统',
        description: '白酒窖池温度与湿度在线监测',
        keywords: ['窖池', '温度监测', '白酒'],
        industries: ['industries/liquor'],
        trl: 6
      }
    });
  });
  const token = server.mint('ENTERPRISE', 'organizations/acme');

  const context = await signedInContext(env.browser, server.base, token);
  const page = await context.newPage();

  await step('not signed in: the sign-in page in zh-Hans by default, a refused sign-in',
             async () => {
               await context.clearCookies();
               await page.goto(server.base + '/#/needs');
               await page.getByRole('heading', {name: '登录'}).waitFor();
               assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
               // Only the public pages are offered.
               const nav = page.getByRole('navigation');
               assert.deepEqual(await nav.getByRole('link').allInnerTexts(),
                                ['登录', '申请入驻', '接受邀请']);
               await checkAccessibility(page, env.axeSource, 'sign-in');
               await shot(page, 'sign-in');
               // No such account (POST /session refuses it): the form says sign-in failed.
               await page.getByLabel('电子邮箱').fill('li.ming@lzlj.example');
               await page.getByLabel('密码').fill('not a password');
               await page.getByRole('button', {name: '登录', exact: true}).click();
               await page.getByRole('alert').getByText(/^登录失败/).waitFor();
             });

  await step('signed in (an enterprise key): its pages and organization, no role to choose',
             async () => {
               await setSessionCookie(context, server.base, token);
               await page.reload();
               await page.getByRole('heading', {name: '本企业的技术需求'}).waitFor();
               await page.getByText('暂无记录').waitFor();
               const nav = page.getByRole('navigation');
               assert.deepEqual(await nav.getByRole('link').allInnerTexts(), ['技术需求', '展会', '协议', '项目台账']);
               assert.match(await page.locator('header .account').innerText(), /organizations\/acme/);
               assert.equal(await page.getByLabel('身份').count(), 0);
               // The sign-in page is not where a signed-in account goes.
               await page.goto(server.base + '/#/sign-in');
               await page.getByRole('heading', {name: '本企业的技术需求'}).waitFor();
             });

  await step('a need with bad input: every violation beside its field', async () => {
    await page.getByRole('button', {name: '新建需求'}).click();
    const form = page.getByRole('form', {name: '新建需求'});
    await form.getByLabel('预算（元）').fill('12.3.4');
    await form.getByRole('button', {name: '保存'}).click();
    await form.getByText('请输入不超过9位小数的非负金额').waitFor();  // parsed here
    await form.getByLabel('预算（元）').fill('2300000.5');
    await form.getByRole('button', {name: '保存'}).click();
    // From the server's google.rpc.BadRequest: title and industries, each beside its field.
    const title = form.getByLabel('标题');
    await form.locator('#need-new-title-error').waitFor();
    assert.equal(await title.getAttribute('aria-invalid'), 'true');
    assert.match(await form.locator('#need-new-title-error').innerText(), /required/);
    assert.match(await form.locator('#need-new-industries-error').innerText(), /industry/);
    await checkAccessibility(page, env.axeSource, 'need form with errors');
    await shot(page, 'need-errors');
  });

  await step('the need saved; its budget shown exactly in 万', async () => {
    const form = page.getByRole('form', {name: '新建需求'});
    await form.getByLabel('标题').fill('白酒窖池温度监测');
    await form.getByLabel('描述').fill('需要窖池温度在线监测方案');
    await form.getByLabel('关键词（逗号分隔）').fill('窖池, 温度监测');
    await form.getByLabel('行业（industries/…，逗号分隔）').fill('industries/liquor');
    await form.getByRole('button', {name: '保存'}).click();
    await page.getByRole('heading', {name: '白酒窖池温度监测'}).waitFor();
    await page.getByText('预算（元）: 230.00005万元').waitFor();
    await page.getByText('状态: 待审核').waitFor();  // waits for review
  });

  await step('edit the need (etag-guarded update)', async () => {
    await page.getByRole('button', {name: '编辑: 白酒窖池温度监测'}).click();
    const form = page.getByRole('form', {name: '编辑: 白酒窖池温度监测'});
    await form.getByLabel('标题').fill('白酒窖池温度在线监测');
    await form.getByLabel('预算（元）').fill('123456789');
    await form.getByRole('button', {name: '保存'}).click();
    await page.getByRole('heading', {name: '白酒窖池温度在线监测'}).waitFor();
    await page.getByText('预算（元）: 1.23456789亿元').waitFor();
  });

  await step('its matches with the explanation', async () => {
    // An enterprise's need waits for review: the organizer (here the admin) publishes it, and
    // the page, reloaded, holds its new etag.
    const submitted = await call('NeedService/ListNeeds', {});
    await call('NeedService/PublishNeed', {name: submitted.needs[0].name});
    await page.reload();
    await page.getByRole('heading', {name: '本企业的技术需求'}).waitFor();
    await page.getByRole('button', {name: '查看匹配'}).click();
    const matches = page.getByRole('region', {name: /匹配结果/});
    await matches.getByText('窖池温度智能监测系统').waitFor();
    await matches.getByText(/共同术语|共同行业/).first().waitFor();
    await matches.locator('table.signals').getByRole('rowheader', {name: '行业'}).waitFor();
    await checkAccessibility(page, env.axeSource, 'needs with matches');
    await shot(page, 'matches');
  });

  await step('zh-Hant and English: strings and money follow', async () => {
    await page.getByLabel('语言').selectOption('zh-Hant');
    await page.getByRole('heading', {name: '本企業的技術需求'}).waitFor();
    await page.getByText('預算（元）: 1.23456789億元').waitFor();
    await page.getByLabel('語言').selectOption('en');
    await page.getByRole('heading', {name: 'Our technology needs'}).waitFor();
    await page.getByText('Budget (CNY): CNY 123,456,789.00').waitFor();
    await checkAccessibility(page, env.axeSource, 'needs in English');
    await page.getByLabel('Language').selectOption('zh-Hans');
  });

  await step('usable at 360 px, by keyboard', async () => {
    await page.setViewportSize({width: 360, height: 740});
    const overflow =
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page wider than 360 px by ${overflow} px`);
    await page.reload();
    await page.getByRole('heading', {name: '本企业的技术需求'}).waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), '跳到主要内容');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await shot(page, 'needs-360');
    await page.setViewportSize({width: 1280, height: 800});
  });

  await step('withdraw the need', async () => {
    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', {name: '撤回: 白酒窖池温度在线监测'}).click();
    await page.getByText('状态: 已撤回').waitFor();
    const listed = await call('NeedService/ListNeeds', {});
    assert.equal(listed.needs[0].state, 'WITHDRAWN');
  });

  assert.deepEqual(context.problems, [], 'no page errors or CSP violations');
  await context.close();
});
