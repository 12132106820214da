-- One row describing the data set: reporting date, whether it is the demo, the data version.
-- Returns: reporting_date, is_demo, demo_names (comma-separated), data_version.
-- example:
select
    (select reporting_date from reporting_period) as reporting_date,
    coalesce((select value = 'demo' from app_setting where key = 'dataset'), false) as is_demo,
    (select string_agg(name, ', ' order by name) from municipality where is_demo) as demo_names,
    (select version from data_version) as data_version
