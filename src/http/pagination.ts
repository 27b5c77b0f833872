import type { PageQuery } from '@common/contracts/primitives';

/** The page query and answer shapes are shared with the web client (common/contracts/primitives.ts). */
export { pageQuery, paginated, type PageQuery } from '@common/contracts/primitives';

/** The SQL offset of a page. */
export const offsetOf = (query: PageQuery) => (query.page - 1) * query.pageSize;
