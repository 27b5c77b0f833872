import { fileURLToPath } from 'node:url';

/** Path aliases shared by Vite, Vitest and tsconfig.json (keep the three in step). */
const root = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const aliases = {
  '@domain': root('./src/domain'),
  '@modules': root('./src/modules'),
  '@db': root('./src/db'),
  '@http': root('./src/http'),
  '@errors': root('./src/errors'),
  '@files': root('./src/files'),
  '@config': root('./src/config'),
  '@common': root('./common'),
  '@web': root('./web/src'),
  '@test': root('./test'),
};
