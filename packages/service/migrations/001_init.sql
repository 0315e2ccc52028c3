-- eInvoice Hub schema, version 1. The same SQL runs on PGlite and PostgreSQL.
-- Every table that holds tenant data carries tenant_id, and every query filters on it.

create table tenants (
  id uuid primary key,
  name text not null,
  created_at timestamptz not null default now()
);

create table api_keys (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  -- SHA-256 of the key: keys are 256-bit random values, so a fast hash is enough and lookup is by hash.
  key_hash text not null unique,
  -- The first characters of the key, to recognise it in lists without storing it.
  key_prefix text not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);

create table secrets (
  tenant_id uuid not null references tenants (id),
  name text not null,
  kind text not null,
  -- AES-256-GCM: 12-byte nonce, ciphertext, 16-byte tag; the master key never touches the database.
  nonce bytea not null,
  ciphertext bytea not null,
  tag bytea not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, name)
);

create table documents (
  id uuid primary key,
  tenant_id uuid not null references tenants (id),
  status text not null,
  context jsonb not null,
  -- SHA-256 of the stored input (the request's invoice), a key into the blob store.
  input_sha256 text not null,
  idempotency_key text,
  -- SHA-256 of the request body: the same Idempotency-Key with another body is a conflict.
  request_sha256 text,
  external_ids jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index documents_idempotency on documents (tenant_id, idempotency_key) where idempotency_key is not null;
create index documents_list on documents (tenant_id, created_at desc, id desc);
create index documents_status on documents (tenant_id, status, created_at desc);

create table document_log (
  id bigserial primary key,
  tenant_id uuid not null,
  document_id uuid not null references documents (id),
  at timestamptz not null default now(),
  step text not null,
  level text not null,
  message text not null,
  findings jsonb
);
create index document_log_document on document_log (document_id, id);

create table artifacts (
  tenant_id uuid not null,
  document_id uuid not null references documents (id),
  name text not null,
  media_type text not null,
  size bigint not null,
  sha256 text not null,
  created_at timestamptz not null default now(),
  -- One artifact per name and document: a re-run after a crash cannot add a duplicate.
  primary key (document_id, name)
);
