import { DEMO_PASSWORD } from '@tsumiki/api-server/seed';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, ensureChromium } from './chromium';
import { startStack, type AppName, type Stack, type StackOptions } from './stack';

export interface BrowserStack {
  readonly stack: Stack;
  /** Console errors of every page opened by signIn, CSP violations included. */
  readonly consoleErrors: string[];
  /** Opens a fresh browser context (own cookies) on the app and signs in with the demo password. */
  signIn(app: AppName, email: string, options?: ContextOptions & { password?: string }): Promise<Page>;
  /** A fresh context, signed in to nothing, at a path of the app. */
  visit(app: AppName, path: string, options?: ContextOptions): Promise<Page>;
}

interface ContextOptions {
  viewport?: { width: number; height: number };
  /** Lets a test inject a checker (axe-core) past the apps' Content-Security-Policy. */
  bypassCSP?: boolean;
}

/** One stack and one Chromium per test file, started before its tests and stopped after. */
export function useBrowserStack(options: StackOptions = {}): BrowserStack {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  const consoleErrors: string[] = [];
  const recordErrors = (message: ConsoleMessage) => {
    if (message.type() === 'error') consoleErrors.push(`${message.location().url}: ${message.text()}`);
  };

  beforeAll(async () => {
    const executablePath = ensureChromium();
    stack = await startStack(options);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  return {
    get stack() {
      if (!stack) throw new Error('The stack starts in beforeAll.');
      return stack;
    },
    consoleErrors,
    async visit(app, path, options = {}) {
      if (!browser || !stack) throw new Error('The browser starts in beforeAll.');
      const page = await (await browser.newContext({ locale: 'ja-JP', viewport: options.viewport, bypassCSP: options.bypassCSP })).newPage();
      page.on('console', recordErrors);
      await page.goto(new URL(path, stack.urls[app]).toString());
      return page;
    },
    async signIn(app, email, options = {}) {
      if (!browser || !stack) throw new Error('The browser starts in beforeAll.');
      const context = await browser.newContext({
        locale: 'ja-JP',
        viewport: options.viewport ?? { width: 1280, height: 900 },
        bypassCSP: options.bypassCSP,
      });
      const page = await context.newPage();
      page.on('console', recordErrors);
      await page.goto(stack.urls[app]);
      await page.locator('input[name=email]').fill(email);
      await page.locator('input[name=password]').fill(options.password ?? DEMO_PASSWORD);
      await page.locator('button[type=submit]').click();
      return page;
    },
  };
}

/** How long a browser test polls for the state it asserts: the machines running CI are busy. */
export const WAIT = { timeout: 20_000 } as const;
