-- The PostGIS mirror of shared plans (PostgreSQL only; PGlite has no PostGIS): one row per pilot area
-- of every variant of every shared plan, derived from the plan's Y.Doc and rewritten (debounced)
-- after each stored change (server/postgis-mirror.ts). Read it with QGIS or ogrinfo; never write it:
-- the Y.Doc is the truth, the mirror is rebuilt from it.

-- Up Migration
create extension if not exists postgis;

create table pilot_areas (
  room text not null,
  plan_id text not null,
  plan_name text not null,
  variant_id text not null,
  variant_name text not null,
  area_id text not null,
  name text not null,
  fields text[] not null,
  status text not null,
  partners text[] not null,
  updated_at timestamptz,
  geom geometry(MultiPolygon, 25832) not null,
  primary key (room, variant_id, area_id)
);
create index pilot_areas_geom on pilot_areas using gist (geom);

-- The same in WGS 84 (EPSG:4326), for web maps and GeoJSON.
create view pilot_areas_wgs84 as
  select room, plan_id, plan_name, variant_id, variant_name, area_id, name, fields, status, partners,
    updated_at, st_transform(geom, 4326)::geometry(MultiPolygon, 4326) as geom
  from pilot_areas;

-- A role that may only read the mirror (grant it to a login: `grant pilotkarte_reader to qgis_user`).
-- Roles belong to the whole cluster: created once, kept by the down migration.
do $$
begin
  if not exists (select from pg_roles where rolname = 'pilotkarte_reader') then
    create role pilotkarte_reader nologin;
  end if;
end
$$;
grant usage on schema public to pilotkarte_reader;
grant select on pilot_areas, pilot_areas_wgs84, spatial_ref_sys, geometry_columns to pilotkarte_reader;

-- Down Migration
drop view if exists pilot_areas_wgs84;
drop table if exists pilot_areas;
revoke usage on schema public from pilotkarte_reader;
revoke select on spatial_ref_sys, geometry_columns from pilotkarte_reader;
drop extension if exists postgis;
