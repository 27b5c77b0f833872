import { afterEach } from 'vitest';
import { screenshotOpenPages } from './harness';

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await screenshotOpenPages(context.task.name);
});
