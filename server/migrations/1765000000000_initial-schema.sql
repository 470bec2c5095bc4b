-- The sync store's tables (see server/sync-store.ts). Run by node-pg-migrate on PostgreSQL and on
-- PGlite alike (server/migrations.ts). "if not exists": data folders made before migrations existed
-- already hold these tables; the migration then only records itself as run.

-- Up Migration
create table if not exists rooms (
  id text primary key,
  created_at timestamptz not null default now(),
  links jsonb not null
);
create table if not exists revoked_links (
  room text not null references rooms (id),
  link_id text not null,
  revoked_at timestamptz not null default now(),
  primary key (room, link_id)
);
create table if not exists documents (
  name text primary key,
  state bytea not null,
  updated_at timestamptz not null default now()
);
create table if not exists document_updates (
  id bigserial primary key,
  name text not null,
  data bytea not null,
  received_at timestamptz not null default now()
);
create index if not exists document_updates_by_name on document_updates (name, id);

-- Down Migration
drop table if exists document_updates;
drop table if exists documents;
drop table if exists revoked_links;
drop table if exists rooms;
