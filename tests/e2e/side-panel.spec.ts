/**
 * The real side panel (not the panel page opened as a tab): a click on the chip Relance places in
 * Gmail's thread header opens it beside that thread, and it finds the thread on its own (no ?tab=).
 */
import { expect, test } from './harness';

test('the chip in the thread header opens the side panel, which shows that thread’s invoice', async ({ relance }) => {
  const gmail = await relance.openThread('frDueSoon');
  const worker = await relance.worker();
  const sidePanels = () => worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType] })).map((c) => c.documentUrl));
  expect(await sidePanels()).toEqual([]);

  // The user clicks in the tab they are looking at (the first-run welcome may have opened a tab
  // in front of it: a side panel only shows beside the active tab).
  await gmail.bringToFront();
  await gmail.locator('[data-relance-chip]').click(); // a user gesture, as Chrome requires
  await expect.poll(sidePanels).toEqual([expect.stringMatching(/\/src\/panel\/index\.html$/)]);

  // Read the side panel's own DOM through the DevTools protocol (Playwright lists it as a target,
  // not a page).
  const cdp = await relance.context.newCDPSession(gmail);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const panelTarget = targetInfos.find((t) => t.url.endsWith('/src/panel/index.html'));
  expect(panelTarget).toBeDefined();
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: panelTarget!.targetId, flatten: false });
  const evaluate = (expression: string) =>
    new Promise<string>((resolve) => {
      const onMessage = (event: { sessionId: string; message: string }) => {
        const reply = JSON.parse(event.message) as { id: number; result?: { result?: { value?: string } } };
        if (event.sessionId === sessionId && reply.id === 1) {
          cdp.off('Target.receivedMessageFromTarget', onMessage);
          resolve(reply.result?.result?.value ?? '');
        }
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }) });
    });
  await expect
    .poll(() => evaluate("document.querySelector('[data-testid=field-invoice-number]')?.textContent ?? ''"))
    .toBe('F-2026-041');
});
