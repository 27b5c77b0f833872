-- Least privilege (issue 11): the application connects as a runtime role that owns no table, and PostgreSQL lets
-- only a table's owner ANALYZE it (others get a warning and nothing happens). The large writes that refresh the
-- planner's statistics mid-transaction (an IATI import, the demo seed) call this function instead: it runs with its
-- owner's rights (the schema owner), and only ANALYZEs tables of the public schema. ANALYZE changes no data.
create function analyze_tables(names text[]) returns void
language plpgsql security definer set search_path = pg_catalog, pg_temp as $$
declare
  t text;
begin
  foreach t in array names loop
    if to_regclass(format('public.%I', t)) is not null then
      execute format('analyze public.%I', t);
    end if;
  end loop;
end $$;
