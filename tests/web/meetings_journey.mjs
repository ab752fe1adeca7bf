// Meetings at the fair, every role on the portal: the enterprise asks for a meeting from its
// need's match, the institute accepts it among its incoming requests, the organizer sets the
// meeting plan (slots, tables), generates requests from the matches (the pair already has one),
// schedules, locks the meeting and schedules again (it stays); the enterprise and the
// institute each see it on their agenda and the enterprise downloads it as XLSX and CSV.
// axe on every page, screenshots.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import {kStart, seedFair, ts} from './fair_seed.mjs';
import {checkAccessibility, run, signedInContext, step} from './harness.mjs';

async function enter(page, base) {
  // The pages follow the role of the key in the session cookie (GET /session): nothing to choose.
  await page.goto(base + '/');
  await page.getByRole('navigation').first().waitFor();
}

async function openFair(page) {
  await page.getByRole('navigation').getByRole('link', {name: '展会'}).click();
  await page.getByRole('button', {name: /产学研合作洽谈会/}).click();
}

await run(async (env) => {
  const server = await env.startServer();
  const {call} = server;
  const shot = (page, name) =>
      page.screenshot({path: path.join(env.screenshotDir, `meetings-${name}.png`), fullPage: true});

  await step('a fair with an enterprise\'s need and a university\'s offering (admin)', async () => {
    await seedFair(call);
  });

  const enterprise = await signedInContext(
      env.browser, server.base, server.mint('ENTERPRISE', 'organizations/lzlj'),
      {acceptDownloads: true});
  const own = await enterprise.newPage();
  await step('the enterprise asks for a meeting; it is outgoing and pending', async () => {
    await enter(own, server.base);
    await own.getByRole('button', {name: '查看匹配'}).click();
    await own.getByRole('button', {name: '申请展会洽谈: 窖泥功能菌群培养技术'}).click();
    await own.getByText('已申请洽谈').waitFor();
    await openFair(own);
    const outgoing = own.getByRole('group', {name: '发出的洽谈申请'});
    const row = outgoing.getByRole('row', {name: /四川大学/});
    await row.getByRole('cell', {name: '待回复'}).waitFor();
    await row.getByRole('cell', {name: '窖泥老化防治'}).waitFor();
    assert.equal(await row.getByRole('button', {name: /^接受/}).count(), 0);
    await checkAccessibility(own, env.axeSource, 'fair (enterprise requests)');
  });

  const institute = await signedInContext(
      env.browser, server.base, server.mint('INSTITUTE', 'organizations/scu'));
  const scu = await institute.newPage();
  await step('the institute accepts it among its incoming requests', async () => {
    await enter(scu, server.base);
    await openFair(scu);
    const incoming = scu.getByRole('group', {name: '收到的洽谈申请'});
    await incoming.getByRole('button', {name: '接受: 泸州老窖'}).click();
    await scu.getByText('已接受洽谈申请').waitFor();
    await incoming.getByRole('row', {name: /泸州老窖/}).getByRole('cell', {name: '已接受'}).waitFor();
    await checkAccessibility(scu, env.axeSource, 'fair (institute requests)');
    const requests = await call('MatchService/ListMeetingRequests', {parent: 'events/fair'});
    assert.equal(requests.meetingRequests[0].state, 'ACCEPTED');
  });

  const organizer = await signedInContext(env.browser, server.base, server.mint('ORGANIZER'));
  const page = await organizer.newPage();
  await step('the organizer sets the plan, generates requests and schedules', async () => {
    await enter(page, server.base);
    await openFair(page);
    const plan = page.getByRole('form', {name: '洽谈时段安排'});
    await plan.getByText('尚未设定时段').waitFor();
    await plan.getByRole('button', {name: '添加时段'}).click();
    await plan.getByRole('button', {name: '添加时段'}).click();
    await plan.getByLabel('桌数').fill('0');
    await plan.getByRole('button', {name: '保存时段安排'}).click();
    // The server refuses 0 tables, beside the field.
    await plan.locator('#plan-tables-error').waitFor();
    await plan.getByLabel('桌数').fill('2');
    await plan.getByRole('button', {name: '保存时段安排'}).click();
    await plan.getByText(/时段安排已保存/).waitFor();
    const stored = await call('MatchService/GetMeetingPlan', {name: 'events/fair/meetingPlan'});
    assert.equal(stored.slots.length, 2);
    assert.equal(stored.tableCount, 2);
    assert.equal(stored.slots[0].startTime, ts(kStart).replace('.000Z', 'Z'));

    const generate = page.getByRole('form', {name: '按匹配生成洽谈申请'});
    await generate.getByLabel('最低匹配度（0–1）').fill('2');
    await generate.getByRole('button', {name: '按匹配生成洽谈申请'}).click();
    await generate.getByText('请输入0到1之间的数').waitFor();
    await generate.getByLabel('最低匹配度（0–1）').fill('0');
    await generate.getByRole('button', {name: '按匹配生成洽谈申请'}).click();
    await page.getByText('已生成 0 项申请（已有 1 项，0 项因未报名未生成）').waitFor();

    await page.getByRole('button', {name: '排定洽谈'}).click();
    await page.getByText('已排定 1 场洽谈，0 项请求未能排入').waitFor();
    const agenda = page.getByRole('group', {name: '全部洽谈安排'});
    await agenda.getByRole('button', {name: '锁定: 泸州老窖 · 四川大学'}).click();
    await page.getByText(/^已锁定：/).waitFor();
    await agenda.getByRole('rowheader', {name: /已锁定/}).waitFor();
    await page.getByRole('button', {name: '排定洽谈'}).click();
    await page.getByText('已排定 1 场洽谈，0 项请求未能排入').waitFor();
    await agenda.getByRole('button', {name: '解锁: 泸州老窖 · 四川大学'}).waitFor();
    const meetings = await call('MatchService/ListMeetings', {parent: 'events/fair'});
    assert.equal(meetings.meetings.length, 1);
    assert.equal(meetings.meetings[0].locked, true);
    await checkAccessibility(page, env.axeSource, 'fair (organizer plan and meetings)');
    await shot(page, 'organizer');
  });

  await step('the organizer\'s fair page is usable at 360 px', async () => {
    await page.setViewportSize({width: 360, height: 740});
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page wider than 360 px by ${overflow} px`);
    await shot(page, 'organizer-360');
    await page.setViewportSize({width: 1280, height: 800});
  });

  await step('both see it on their agenda; the enterprise downloads it as XLSX and CSV', async () => {
    await scu.reload();
    await openFair(scu);
    await scu.getByRole('group', {name: '本机构的洽谈日程'}).getByRole('cell', {name: '泸州老窖'}).waitFor();
    await checkAccessibility(scu, env.axeSource, 'fair (institute agenda)');

    await own.reload();
    await openFair(own);
    const agenda = own.getByRole('group', {name: '本机构的洽谈日程'});
    await agenda.getByRole('cell', {name: '四川大学'}).waitFor();
    await checkAccessibility(own, env.axeSource, 'fair (enterprise agenda)');
    await shot(own, 'enterprise-agenda');
    const [xlsx] = await Promise.all([
      own.waitForEvent('download'),
      own.getByRole('button', {name: '下载日程（XLSX）'}).click(),
    ]);
    assert.equal(xlsx.suggestedFilename(), '产学研合作洽谈会-泸州老窖.xlsx');
    const bytes = fs.readFileSync(await xlsx.path());
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
    assert.ok(bytes.includes(Buffer.from('四川大学')), 'the counterpart is in the sheet');
    assert.ok(bytes.includes(Buffer.from('xl/worksheets/sheet1.xml')));
    const [csv] = await Promise.all([
      own.waitForEvent('download'),
      own.getByRole('button', {name: '下载日程（CSV）'}).click(),
    ]);
    const lines = fs.readFileSync(await csv.path(), 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(lines.length, 2);
    assert.equal(lines[0], '参会机构,时间,桌号,对方,技术需求,技术成果');
    assert.match(lines[1], /^泸州老窖,.*,四川大学,窖泥老化防治,窖泥功能菌群培养技术$/);
  });

  await step('the organizer cancels the meeting: gone from the agenda, its request cancelled', async () => {
    const agenda = page.getByRole('group', {name: '全部洽谈安排'});
    page.once('dialog', (dialog) => dialog.accept());
    await agenda.getByRole('button', {name: '取消洽谈: 泸州老窖 · 四川大学'}).click();
    await page.getByText('已取消洽谈').waitFor();
    await page.getByRole('region', {name: '全部洽谈安排'}).getByText('暂无记录').waitFor();
    const requests = await call('MatchService/ListMeetingRequests', {parent: 'events/fair'});
    assert.equal(requests.meetingRequests[0].state, 'CANCELLED');
  });

  assert.deepEqual([...enterprise.problems, ...institute.problems, ...organizer.problems], [],
                   'no page errors or CSP violations');
});
