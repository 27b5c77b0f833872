-- Reference exchange rates on 1 January of each year 2012–2026 for the donor currencies vnaid sees most often.
-- Approximate, plausible values for demonstration and tests (labelled in `source`), NOT official rates:
-- administrators replace them (POST /api/exchange-rates) or import a CSV of official ones.
-- A transaction converts at the latest row on or before its date (aid_transactions.rate_date records which).
-- vnd_per_unit is the exact product usd_per_unit × (VND per USD) of the same date.

create temporary table seed_usd_vnd (year integer primary key, vnd numeric not null) on commit drop;
insert into seed_usd_vnd values
  (2012, 21000),
  (2013, 20850),
  (2014, 21100),
  (2015, 21400),
  (2016, 22450),
  (2017, 22750),
  (2018, 22710),
  (2019, 23200),
  (2020, 23170),
  (2021, 23100),
  (2022, 22800),
  (2023, 23600),
  (2024, 24300),
  (2025, 25450),
  (2026, 26300);

create temporary table seed_rates (currency text not null, year integer not null, usd numeric not null) on commit drop;
insert into seed_rates values
  ('EUR', 2012, 1.3), ('EUR', 2013, 1.32), ('EUR', 2014, 1.38), ('EUR', 2015, 1.21), ('EUR', 2016, 1.09), ('EUR', 2017, 1.05), ('EUR', 2018, 1.2), ('EUR', 2019, 1.15), ('EUR', 2020, 1.12), ('EUR', 2021, 1.22), ('EUR', 2022, 1.13), ('EUR', 2023, 1.07), ('EUR', 2024, 1.1), ('EUR', 2025, 1.04), ('EUR', 2026, 1.17),
  ('GBP', 2012, 1.55), ('GBP', 2013, 1.62), ('GBP', 2014, 1.65), ('GBP', 2015, 1.56), ('GBP', 2016, 1.47), ('GBP', 2017, 1.23), ('GBP', 2018, 1.35), ('GBP', 2019, 1.27), ('GBP', 2020, 1.32), ('GBP', 2021, 1.37), ('GBP', 2022, 1.35), ('GBP', 2023, 1.21), ('GBP', 2024, 1.27), ('GBP', 2025, 1.25), ('GBP', 2026, 1.34),
  ('JPY', 2012, 0.013), ('JPY', 2013, 0.0116), ('JPY', 2014, 0.0095), ('JPY', 2015, 0.0083), ('JPY', 2016, 0.0083), ('JPY', 2017, 0.0086), ('JPY', 2018, 0.0089), ('JPY', 2019, 0.0091), ('JPY', 2020, 0.0092), ('JPY', 2021, 0.0097), ('JPY', 2022, 0.0087), ('JPY', 2023, 0.0076), ('JPY', 2024, 0.0071), ('JPY', 2025, 0.0064), ('JPY', 2026, 0.0064),
  ('AUD', 2012, 1.02), ('AUD', 2013, 1.04), ('AUD', 2014, 0.89), ('AUD', 2015, 0.82), ('AUD', 2016, 0.73), ('AUD', 2017, 0.72), ('AUD', 2018, 0.78), ('AUD', 2019, 0.7), ('AUD', 2020, 0.7), ('AUD', 2021, 0.77), ('AUD', 2022, 0.73), ('AUD', 2023, 0.68), ('AUD', 2024, 0.68), ('AUD', 2025, 0.62), ('AUD', 2026, 0.66),
  ('CAD', 2012, 0.98), ('CAD', 2013, 1.01), ('CAD', 2014, 0.94), ('CAD', 2015, 0.86), ('CAD', 2016, 0.72), ('CAD', 2017, 0.74), ('CAD', 2018, 0.8), ('CAD', 2019, 0.73), ('CAD', 2020, 0.77), ('CAD', 2021, 0.79), ('CAD', 2022, 0.79), ('CAD', 2023, 0.74), ('CAD', 2024, 0.75), ('CAD', 2025, 0.7), ('CAD', 2026, 0.72),
  ('KRW', 2012, 0.00086), ('KRW', 2013, 0.00094), ('KRW', 2014, 0.00095), ('KRW', 2015, 0.00091), ('KRW', 2016, 0.00085), ('KRW', 2017, 0.00083), ('KRW', 2018, 0.00094), ('KRW', 2019, 0.0009), ('KRW', 2020, 0.00086), ('KRW', 2021, 0.00092), ('KRW', 2022, 0.00084), ('KRW', 2023, 0.00079), ('KRW', 2024, 0.00077), ('KRW', 2025, 0.00068), ('KRW', 2026, 0.00069),
  ('CHF', 2012, 1.07), ('CHF', 2013, 1.09), ('CHF', 2014, 1.12), ('CHF', 2015, 1.01), ('CHF', 2016, 1.0), ('CHF', 2017, 0.98), ('CHF', 2018, 1.03), ('CHF', 2019, 1.02), ('CHF', 2020, 1.03), ('CHF', 2021, 1.13), ('CHF', 2022, 1.09), ('CHF', 2023, 1.08), ('CHF', 2024, 1.19), ('CHF', 2025, 1.1), ('CHF', 2026, 1.26),
  ('SEK', 2012, 0.145), ('SEK', 2013, 0.154), ('SEK', 2014, 0.155), ('SEK', 2015, 0.128), ('SEK', 2016, 0.118), ('SEK', 2017, 0.11), ('SEK', 2018, 0.122), ('SEK', 2019, 0.113), ('SEK', 2020, 0.107), ('SEK', 2021, 0.122), ('SEK', 2022, 0.11), ('SEK', 2023, 0.096), ('SEK', 2024, 0.099), ('SEK', 2025, 0.091), ('SEK', 2026, 0.108),
  ('NOK', 2012, 0.167), ('NOK', 2013, 0.18), ('NOK', 2014, 0.165), ('NOK', 2015, 0.134), ('NOK', 2016, 0.113), ('NOK', 2017, 0.116), ('NOK', 2018, 0.122), ('NOK', 2019, 0.116), ('NOK', 2020, 0.114), ('NOK', 2021, 0.117), ('NOK', 2022, 0.113), ('NOK', 2023, 0.102), ('NOK', 2024, 0.098), ('NOK', 2025, 0.088), ('NOK', 2026, 0.099),
  ('DKK', 2012, 0.174), ('DKK', 2013, 0.177), ('DKK', 2014, 0.185), ('DKK', 2015, 0.163), ('DKK', 2016, 0.146), ('DKK', 2017, 0.141), ('DKK', 2018, 0.161), ('DKK', 2019, 0.154), ('DKK', 2020, 0.15), ('DKK', 2021, 0.164), ('DKK', 2022, 0.152), ('DKK', 2023, 0.144), ('DKK', 2024, 0.148), ('DKK', 2025, 0.139), ('DKK', 2026, 0.157),
  ('NZD', 2012, 0.78), ('NZD', 2013, 0.83), ('NZD', 2014, 0.82), ('NZD', 2015, 0.78), ('NZD', 2016, 0.68), ('NZD', 2017, 0.69), ('NZD', 2018, 0.71), ('NZD', 2019, 0.67), ('NZD', 2020, 0.67), ('NZD', 2021, 0.72), ('NZD', 2022, 0.68), ('NZD', 2023, 0.63), ('NZD', 2024, 0.63), ('NZD', 2025, 0.56), ('NZD', 2026, 0.58),
  ('SGD', 2012, 0.77), ('SGD', 2013, 0.82), ('SGD', 2014, 0.79), ('SGD', 2015, 0.76), ('SGD', 2016, 0.7), ('SGD', 2017, 0.69), ('SGD', 2018, 0.75), ('SGD', 2019, 0.73), ('SGD', 2020, 0.74), ('SGD', 2021, 0.76), ('SGD', 2022, 0.74), ('SGD', 2023, 0.75), ('SGD', 2024, 0.76), ('SGD', 2025, 0.73), ('SGD', 2026, 0.78),
  ('THB', 2012, 0.0317), ('THB', 2013, 0.0327), ('THB', 2014, 0.0304), ('THB', 2015, 0.0304), ('THB', 2016, 0.0277), ('THB', 2017, 0.0279), ('THB', 2018, 0.0307), ('THB', 2019, 0.0309), ('THB', 2020, 0.0332), ('THB', 2021, 0.0334), ('THB', 2022, 0.0301), ('THB', 2023, 0.0289), ('THB', 2024, 0.0293), ('THB', 2025, 0.0293), ('THB', 2026, 0.031),
  ('CNY', 2012, 0.159), ('CNY', 2013, 0.16), ('CNY', 2014, 0.165), ('CNY', 2015, 0.161), ('CNY', 2016, 0.154), ('CNY', 2017, 0.144), ('CNY', 2018, 0.154), ('CNY', 2019, 0.146), ('CNY', 2020, 0.144), ('CNY', 2021, 0.153), ('CNY', 2022, 0.157), ('CNY', 2023, 0.145), ('CNY', 2024, 0.141), ('CNY', 2025, 0.137), ('CNY', 2026, 0.143);

insert into seed_rates select 'USD', year, 1 from seed_usd_vnd;

insert into exchange_rates (currency, rate_date, usd_per_unit, vnd_per_unit, source)
select r.currency, make_date(r.year, 1, 1), r.usd, r.usd * u.vnd, 'vnaid reference (approximate)'
  from seed_rates r join seed_usd_vnd u using (year)
on conflict (currency, rate_date) do nothing;

-- The dong itself: 1 VND = 1 VND; its USD value is the inverse rate, rounded to 12 significant places.
insert into exchange_rates (currency, rate_date, usd_per_unit, vnd_per_unit, source)
select 'VND', make_date(u.year, 1, 1), round(1 / u.vnd, 12), 1, 'vnaid reference (approximate)'
  from seed_usd_vnd u
on conflict (currency, rate_date) do nothing;
