// Fairs: the enterprise asks for a meeting from one of its need's matches (the institute has
// asked too: mutual, accepted), the organizer matches every need of the fair (MatchEvent,
// streamed) and schedules the accepted requests, and the enterprise sees its own agenda (its
// meetings only, with the counterpart). axe on each page, screenshot.
import assert from 'node:assert/strict';
import path from 'node:path';

import {kDay, kStart, seedFair, ts} from './fair_seed.mjs';
import {checkAccessibility, run, signedInContext, step} from './harness.mjs';

await run(async (env) => {
  const server = await env.startServer();
  const {call} = server;

  await step(
      'a fair with two participants, a need, an offering, a plan, the institute\'s request (admin)',
      async () => {
        await seedFair(call, {registrationCloseTime: ts(kStart - 2 * kDay)});
        await call('MatchService/UpdateMeetingPlan', {
          meetingPlan: {
            name: 'events/fair/meetingPlan',
            slots: [
              {startTime: ts(kStart), endTime: ts(kStart + 1200)},
              {startTime: ts(kStart + 1500), endTime: ts(kStart + 2700)}
            ],
            tableCount: 2,
            maxMeetingsPerParticipant: 2
          }
        });
        // The institute asks for the meeting here; the enterprise will in the portal.
        await call('MatchService/CreateMeetingRequest', {
          parent: 'events/fair',
          meetingRequest:
              {need: 'needs/pit-mud', offering: 'offerings/culture', requestedBy: 'INSTITUTE'}
        });
      });

  const enterprise = await signedInContext(
      env.browser, server.base, server.mint('ENTERPRISE', 'organizations/lzlj'));
  const own = await enterprise.newPage();
  await step('the enterprise asks for a meeting from its need\'s matches', async () => {
    await own.goto(server.base + '/');
    await own.getByRole('button', {name: '查看匹配'}).click();
    await own.getByRole('button', {name: '申请展会洽谈: 窖泥功能菌群培养技术'}).click();
    await own.getByText('已申请洽谈').waitFor();
    const requests = await call('MatchService/ListMeetingRequests', {parent: 'events/fair'});
    assert.equal(requests.meetingRequests.length, 1);
    assert.equal(requests.meetingRequests[0].state, 'ACCEPTED');  // both sides asked: mutual
    assert.equal(requests.meetingRequests[0].mutual, true);
    await checkAccessibility(own, env.axeSource, 'needs with a meeting requested');
  });

  const organizer = await signedInContext(env.browser, server.base, server.mint('ORGANIZER'));
  const page = await organizer.newPage();
  await step('the organizer matches the fair and schedules its meetings', async () => {
    await page.goto(server.base + '/');
    await page.getByRole('navigation').getByRole('link', {name: '展会'}).click();
    await page.getByRole('button', {name: /产学研合作洽谈会/}).click();
    await page.getByText('organizations/lzlj').waitFor();
    await page.getByRole('button', {name: '为全部需求匹配'}).click();
    await page.getByText('已为 1 项需求匹配').waitFor();
    await page.getByRole('region', {name: '展会匹配结果'})
        .getByText(/窖泥功能菌群培养技术/)
        .waitFor();
    await page.getByRole('button', {name: '排定洽谈'}).click();
    await page.getByText('已排定 1 场洽谈，0 项请求未能排入').waitFor();
    const agenda = page.getByRole('group', {name: '全部洽谈安排'});
    await agenda.getByRole('cell', {name: '窖泥老化防治'}).waitFor();
    await checkAccessibility(page, env.axeSource, 'fair (organizer)');
    await page.screenshot(
        {path: path.join(env.screenshotDir, 'events-organizer.png'), fullPage: true});
  });

  await step('the enterprise sees its own agenda with the counterpart', async () => {
    await own.getByRole('navigation').getByRole('link', {name: '展会'}).click();
    await own.getByRole('button', {name: /产学研合作洽谈会/}).click();
    const agenda = own.getByRole('group', {name: '本机构的洽谈日程'});
    await agenda.getByRole('cell', {name: '四川大学'}).waitFor();
    assert.equal(await own.getByRole('button', {name: '排定洽谈'}).count(), 0);
    await checkAccessibility(own, env.axeSource, 'fair (enterprise agenda)');
  });

  assert.deepEqual(
      [...organizer.problems, ...enterprise.problems], [], 'no page errors or CSP violations');
});
