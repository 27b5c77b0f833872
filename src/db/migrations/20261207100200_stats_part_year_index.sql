-- Part-year figures (GET /api/public/stats/summary?year=&asOf=) sum the transactions dated from 1 January to a day:
-- a covering index on the date lets PostgreSQL read that span without visiting the table (index-only scan once
-- vacuumed); the counted items of the year come from stats_item_year, which holds counted items only.
create index aid_transactions_date_covering_idx on aid_transactions (tx_date) include (aid_item_id, kind, amount_usd);
