import { jstParts } from '@tsumiki/domain';
import { isFinalStep, type TWorkflowEvent } from '@tsumiki/domain/review';
import type { Page } from 'playwright-core';

/** Waits until the application's status badge reads `label`. */
export async function waitForStatus(page: Page, label: string) {
  await page.waitForFunction((l) => document.querySelector('[data-testid=status]')?.textContent === l, label, { timeout: 20_000 });
}

/** Runs the chosen step; a final one (the applicant is told, or money decided) only from its confirmation dialog. */
export async function runStep(page: Page, event: TWorkflowEvent) {
  await page.locator('[data-testid=run-event]').click();
  if (isFinalStep(event)) await page.locator('[data-testid=confirm-yes]').click();
}

/** Clicks a workflow button, fills what the step asks and runs it; the status badge then shows `to`. */
export async function step(page: Page, event: TWorkflowEvent, to: string, inputs: { reason?: string; due?: string; amount?: number } = {}) {
  await page.locator(`[data-testid=event-${event}]`).click();
  if (inputs.reason !== undefined) await page.locator('[data-testid=input-reason]').fill(inputs.reason);
  if (inputs.due !== undefined) await page.locator('[data-testid=input-due]').fill(inputs.due);
  if (inputs.amount !== undefined) await page.locator('[data-testid=input-amount]').fill(String(inputs.amount));
  await runStep(page, event);
  await waitForStatus(page, to);
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A datetime-local value `days` from now, at hh:mm Japan time. */
export function jstInput(days: number, hh: number, mm: number) {
  const p = jstParts(new Date(Date.now() + days * 86_400_000));
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(hh)}:${pad(mm)}`;
}

/** Every click and field an admin uses, counted for the notes on how long opening a call takes. */
export function counted(page: Page) {
  const tally = { clicks: 0, fields: 0 };
  return {
    tally,
    click: async (selector: string) => {
      tally.clicks++;
      await page.locator(selector).click();
    },
    fill: async (selector: string, value: string) => {
      tally.fields++;
      await page.locator(selector).fill(value);
    },
  };
}
