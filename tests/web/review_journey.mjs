// People and review in a real browser, without API keys for the newcomer: an enterprise applies
// to join; an organizer rejects another application (a reason is required) and approves it (the
// invitation code shown once); the contact accepts the invitation (the password policy's
// refusal beside the field), signs in with email and password and submits a need; the organizer
// returns it with a reason, the owner reads the reason and edits it (submitted again), the
// organizer publishes it, it is matched, and once an agreement met it the owner closes it. axe
// on every new page.
import assert from 'node:assert/strict';
import path from 'node:path';

import {checkAccessibility, run, signedInContext, step} from './harness.mjs';

const kPassword = 'Cellar-lantern-2026';

await run(async (env) => {
  const server = await env.startServer();
  const {call} = server;
  const shot = (page, name) => page.screenshot(
      {path: path.join(env.screenshotDir, `review-${name}.png`), fullPage: true});

  // In the enterprise's region (510500): the contact's account is scoped to its region.
  await step('an institute\'s published offering to match (admin, over Connect JSON)', async () => {
    await call('OrganizationService/CreateOrganization', {
      organizationId: 'lzvtc',
      organization: {displayName: '泸州职业技术学院', kind: 'UNIVERSITY', regionCode: '510502'}
    });
    await call('OfferingService/CreateOffering', {
      offeringId: 'cellar-sensor',
      offering: {
        institute: 'organizations/lzvtc',
        title: '窖池温度智能监测系统',
        description: '白酒窖池温度与湿度在线监测',
        keywords: ['窖池', '温度监测', '白酒'],
        industries: ['industries/liquor'],
        trl: 6
      }
    });
  });

  // The newcomer's browser: no cookie at all until it signs in.
  const visitor = await signedInContext(env.browser, server.base, '');
  const newcomer = await visitor.newPage();
  const organizerContext =
      await signedInContext(env.browser, server.base, server.mint('ORGANIZER'));
  const organizer = await organizerContext.newPage();

  await step('apply to join from the sign-in page: every violation beside its field', async () => {
    await newcomer.goto(server.base + '/');
    await newcomer.getByRole('heading', {name: '登录'}).waitFor();
    await newcomer.getByRole('main').getByRole('link', {name: '申请入驻'}).click();
    const form = newcomer.getByRole('form', {name: '申请入驻'});
    await form.getByLabel('联系人电子邮箱').fill('not an email');
    await form.getByRole('button', {name: '提交申请'}).click();
    await form.locator('#apply-display-name-error').waitFor();
    assert.equal(await form.getByLabel('机构名称').getAttribute('aria-invalid'), 'true');
    await form.locator('#apply-contact-email-error').waitFor();
    await form.locator('#apply-contact-name-error').waitFor();
    await checkAccessibility(newcomer, env.axeSource, 'apply with errors');
    await shot(newcomer, 'apply-errors');
    await form.getByLabel('机构名称').fill('泸州老窖');
    await form.getByLabel('行政区划代码（6位）').fill('510500');
    await form.getByLabel('行业（industries/…，逗号分隔）').fill('liquor');
    await form.getByLabel('联系人姓名').fill('李明');
    await form.getByLabel('联系人电子邮箱').fill('li.ming@lzlj.example');
    await form.getByRole('button', {name: '提交申请'}).click();
    await newcomer.getByText('申请已提交，请等待组织方审核。').waitFor();
  });

  await step('the organizer rejects another application; the reason is required', async () => {
    await call('RegistrationService/SubmitApplication', {
      application: {
        organization: {displayName: '某贸易公司', kind: 'ENTERPRISE', regionCode: '510500'},
        contactEmail: 'trade@example.com',
        contactName: '王五'
      }
    });
    await organizer.goto(server.base + '/#/applications');
    await organizer.getByRole('heading', {name: '待处理的入驻申请'}).waitFor();
    const card = organizer.getByRole('listitem').filter({hasText: '某贸易公司'});
    await card.getByRole('button', {name: '拒绝'}).click();
    await card.locator('.field-error').waitFor();
    assert.equal(await card.getByLabel('拒绝原因').getAttribute('aria-invalid'), 'true');
    await checkAccessibility(organizer, env.axeSource, 'applications with an error');
    await card.getByLabel('拒绝原因').fill('不属于本次展会的技术领域');
    await card.getByRole('button', {name: '拒绝'}).click();
    await organizer.getByRole('status').getByText('已拒绝: 某贸易公司').waitFor();
    // The list reloads after the status is shown: wait for the card to go.
    await organizer.getByRole('listitem').filter({hasText: '某贸易公司'}).waitFor({state: 'detached'});
    const rejected = await call('RegistrationService/ListApplications', {filter: 'state = REJECTED'});
    assert.equal(rejected.applications[0].rejectReason, '不属于本次展会的技术领域');
  });

  let code = '';
  await step('the organizer approves it: the invitation code, once', async () => {
    const card = organizer.getByRole('listitem').filter({hasText: '泸州老窖'});
    await card.getByText('li.ming@lzlj.example').waitFor();
    await checkAccessibility(organizer, env.axeSource, 'applications');
    await card.getByLabel('新机构标识（可留空自动生成）').fill('lzlj');
    await card.getByRole('button', {name: '批准'}).click();
    const issued = organizer.getByRole('region', {name: '已批准，联系人的邀请码'});
    code = (await issued.locator('code').innerText()).trim();
    assert.match(code, /^tmi_/);
    await organizer.getByText('没有待处理的申请').waitFor();
    await checkAccessibility(organizer, env.axeSource, 'applications after approval');
    await shot(organizer, 'approved');
  });

  await step('the contact accepts the invitation; a common password is refused', async () => {
    await newcomer.goto(server.base + '/#/sign-in');
    await newcomer.getByRole('main').getByRole('link', {name: '接受邀请'}).click();
    const form = newcomer.getByRole('form', {name: '接受邀请'});
    await form.getByLabel('邀请码').fill(code);
    await form.getByLabel('新密码').fill('1234567890');
    await form.getByRole('button', {name: '创建账户'}).click();
    await form.locator('#accept-password-error').waitFor();
    assert.equal(await form.getByLabel('新密码').getAttribute('aria-invalid'), 'true');
    await checkAccessibility(newcomer, env.axeSource, 'accept with a refused password');
    await shot(newcomer, 'accept-errors');
    await form.getByLabel('新密码').fill(kPassword);
    await form.getByRole('button', {name: '创建账户'}).click();
    await newcomer.getByText('账户已创建，请登录。').waitFor();
    assert.equal(await newcomer.getByLabel('电子邮箱').inputValue(), 'li.ming@lzlj.example');
  });

  await step('signs in with email and password; submits a need (waits for review)', async () => {
    await newcomer.getByLabel('密码').fill(kPassword);
    await newcomer.getByRole('button', {name: '登录', exact: true}).click();
    await newcomer.getByRole('heading', {name: '本企业的技术需求'}).waitFor();
    assert.match(await newcomer.locator('header .account').innerText(), /李明.*organizations\/lzlj/s);
    // The cookie is HttpOnly: page scripts never see the token.
    assert.equal(await newcomer.evaluate(() => document.cookie), '');
    await newcomer.getByRole('button', {name: '新建需求'}).click();
    const form = newcomer.getByRole('form', {name: '新建需求'});
    await form.getByLabel('标题').fill('白酒窖池温度监测');
    await form.getByLabel('描述').fill('需要窖池温度在线监测方案');
    await form.getByLabel('关键词（逗号分隔）').fill('窖池, 温度监测');
    await form.getByLabel('行业（industries/…，逗号分隔）').fill('industries/liquor');
    await form.getByRole('button', {name: '保存'}).click();
    await newcomer.getByText('状态: 待审核').waitFor();
  });

  await step('the organizer returns it; the reason is required', async () => {
    await organizer.goto(server.base + '/#/review');
    await organizer.getByRole('heading', {name: '待审核的需求与成果'}).waitFor();
    const form = organizer.getByRole('form', {name: '退回修改: 白酒窖池温度监测'});
    await form.getByRole('button', {name: '退回修改'}).click();
    const reason = form.getByLabel('退回原因');
    await form.locator('.field-error').waitFor();
    assert.equal(await reason.getAttribute('aria-invalid'), 'true');
    await checkAccessibility(organizer, env.axeSource, 'review queue with an error');
    await shot(organizer, 'review');
    await reason.fill('请补充预算用途');
    await form.getByRole('button', {name: '退回修改'}).click();
    await organizer.getByRole('status').getByText('已退回: 白酒窖池温度监测').waitFor();
    // Both queues reloaded and empty.
    await organizer.getByText('没有待审核的记录').nth(1).waitFor();
    assert.equal(await organizer.getByRole('form', {name: /退回修改/}).count(), 0);
  });

  await step('the owner reads the reason and edits it: submitted again', async () => {
    await newcomer.reload();
    await newcomer.getByText('状态: 已退回').waitFor();
    await newcomer.getByText('请补充预算用途').waitFor();
    await checkAccessibility(newcomer, env.axeSource, 'a returned need');
    await newcomer.getByRole('button', {name: '编辑: 白酒窖池温度监测'}).click();
    const form = newcomer.getByRole('form', {name: '编辑: 白酒窖池温度监测'});
    await form.getByLabel('预算（元）').fill('3000000');
    await form.getByRole('button', {name: '保存'}).click();
    await newcomer.getByText('状态: 待审核').waitFor();
    await newcomer.getByText('预算（元）: 300万元').waitFor();
  });

  await step('the organizer publishes it; it is matched', async () => {
    await organizer.reload();
    await organizer.getByRole('button', {name: '发布: 白酒窖池温度监测'}).click();
    await organizer.getByRole('status').getByText('已发布: 白酒窖池温度监测').waitFor();
    await newcomer.reload();
    await newcomer.getByText('状态: 已发布').waitFor();
    await newcomer.getByRole('button', {name: '查看匹配'}).click();
    const matches = newcomer.getByRole('region', {name: /匹配结果/});
    await matches.getByText('窖池温度智能监测系统').waitFor();
    await shot(newcomer, 'matches');
    const listed = await call('NeedService/ListNeeds', {filter: 'enterprise = "organizations/lzlj"'});
    assert.equal(listed.needs[0].state, 'OPEN');
  });

  await step('an agreement met the need: its owner closes it', async () => {
    const listed = await call('NeedService/ListNeeds', {filter: 'enterprise = "organizations/lzlj"'});
    await call('AgreementService/CreateAgreement', {
      agreementId: 'lzlj-cellar',
      agreement: {
        title: '窖池温度监测技术转让',
        kind: 'TECHNOLOGY_TRANSFER',
        need: listed.needs[0].name,
        offering: 'offerings/cellar-sensor',
        parties: [
          {organization: 'organizations/lzvtc', role: 'SUPPLIER'},
          {organization: 'organizations/lzlj', role: 'DEMANDER'}
        ],
        industries: ['industries/liquor'],
        signTime: '2026-11-01T02:00:00Z',
        contractAmount: {currencyCode: 'CNY', units: '800000'},
      },
    });
    newcomer.once('dialog', (dialog) => dialog.accept());
    await newcomer.getByRole('button', {name: '关闭需求: 白酒窖池温度监测'}).click();
    await newcomer.getByText('状态: 已关闭').waitFor();
    const closed = await call('NeedService/ListNeeds', {filter: 'enterprise = "organizations/lzlj"'});
    assert.equal(closed.needs[0].state, 'CLOSED');
  });

  await step('signs out: back to the sign-in page, the session ended', async () => {
    await newcomer.getByRole('button', {name: '退出'}).click();
    await newcomer.getByRole('heading', {name: '登录'}).waitFor();
    await newcomer.reload();
    await newcomer.getByRole('heading', {name: '登录'}).waitFor();
  });

  assert.deepEqual(visitor.problems, [], 'no page errors or CSP violations (newcomer)');
  assert.deepEqual(organizerContext.problems, [], 'no page errors or CSP violations (organizer)');
  await visitor.close();
  await organizerContext.close();
});
