-- The aid list sorts by title and by approval date with the code as tie-breaker; with these, an unfiltered
-- national list walks the index to its page instead of sorting 20,000 rows (bench/aid-list.ts).
create index aid_items_title_code_idx on aid_items (title_vi, code);
create index aid_items_approval_code_idx on aid_items (approval_date, code);
