-- Budgets and planned disbursements (issue 16 #4) follow the exchange rates as transactions do
-- (src/modules/aid/exchange-rates.service.ts, reconvertTransactions): when an administrator adds or corrects a rate,
-- every budget of that currency is converted again at the latest rate on or before its value date, in the same
-- statement. Set-based, statement-level triggers over transition tables: one rate import is one update per table.
create function iati_plans_reconvert(currencies text[]) returns void language sql as $$
  update aid_budgets b set amount_usd = x.usd, rate_date = x.rate_date
  from (select b2.id, b2.amount * r.usd_per_unit as usd, r.rate_date
          from aid_budgets b2
          left join lateral (select e.rate_date, e.usd_per_unit from exchange_rates e
                             where e.currency = b2.currency and e.rate_date <= b2.value_date
                             order by e.rate_date desc limit 1) r on true
         where b2.currency = any(currencies)) x
  where b.id = x.id and (b.amount_usd is distinct from x.usd or b.rate_date is distinct from x.rate_date);
  update aid_planned_disbursements p set amount_usd = x.usd, rate_date = x.rate_date
  from (select p2.id, p2.amount * r.usd_per_unit as usd, r.rate_date
          from aid_planned_disbursements p2
          left join lateral (select e.rate_date, e.usd_per_unit from exchange_rates e
                             where e.currency = p2.currency and e.rate_date <= p2.value_date
                             order by e.rate_date desc limit 1) r on true
         where p2.currency = any(currencies)) x
  where p.id = x.id and (p.amount_usd is distinct from x.usd or p.rate_date is distinct from x.rate_date);
$$;

create function iati_plans_reconvert_new() returns trigger language plpgsql as $$
begin
  perform iati_plans_reconvert(array(select distinct currency from new_rows));
  return null;
end $$;

create function iati_plans_reconvert_old() returns trigger language plpgsql as $$
begin
  perform iati_plans_reconvert(array(select distinct currency from old_rows));
  return null;
end $$;

create trigger iati_plans_rates_insert after insert on exchange_rates referencing new table as new_rows
  for each statement execute function iati_plans_reconvert_new();
create trigger iati_plans_rates_update after update on exchange_rates referencing new table as new_rows
  for each statement execute function iati_plans_reconvert_new();
create trigger iati_plans_rates_delete after delete on exchange_rates referencing old table as old_rows
  for each statement execute function iati_plans_reconvert_old();
