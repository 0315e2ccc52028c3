-- eInvoice Hub schema, version 2: processing flows, document revisions, deliveries, notifications.

-- A tenant's flows: every POST adds a version (a draft); publishing makes the latest draft live. A
-- published version is never changed again, so a document can always tell exactly what it ran.
create table flows (
  tenant_id uuid not null references tenants (id),
  name text not null,
  version int not null,
  state text not null check (state in ('draft', 'published')),
  -- The definition as validated (JSON), and as the administrator wrote it (YAML or JSON).
  definition jsonb not null,
  source text not null,
  source_media_type text not null,
  created_at timestamptz not null default now(),
  published_at timestamptz,
  primary key (tenant_id, name, version)
);
create index flows_published on flows (tenant_id, published_at) where state = 'published';

-- Where a tenant's notifications go when the invoice names no seller contact e-mail.
alter table tenants add column contact_email text;

-- The flow a document runs (chosen when processing first starts, from the versions published before the
-- document was received), the revision being processed, and the index of the next flow step to run.
alter table documents
  add column flow_name text,
  add column flow_version int,
  add column revision int not null default 1,
  add column next_step int not null default 0;

-- Every input a document received: revision 1 from the API, later ones from the correction page.
create table document_revisions (
  tenant_id uuid not null,
  document_id uuid not null references documents (id),
  revision int not null,
  input_sha256 text not null,
  source text not null,
  created_at timestamptz not null default now(),
  primary key (document_id, revision)
);
insert into document_revisions (tenant_id, document_id, revision, input_sha256, source, created_at)
  select tenant_id, id, 1, input_sha256, 'api', created_at from documents;

-- Artifacts belong to a revision: a corrected invoice gets its own files, the earlier ones stay.
alter table artifacts add column revision int not null default 1;
alter table artifacts drop constraint artifacts_pkey;
alter table artifacts add primary key (document_id, revision, name);

-- One row per deliver step of a document revision. Pending rows of one destination go out one at a time,
-- oldest accepted first: while the destination is unreachable they wait here, in order.
create table deliveries (
  tenant_id uuid not null,
  document_id uuid not null references documents (id),
  revision int not null,
  step int not null,
  -- SHA-256 of the tenant and the destination's settings: the unit of ordering and of retry back-off.
  destination_key text not null,
  accepted_at timestamptz not null,
  state text not null check (state in ('pending', 'delivered', 'failed')),
  attempts int not null default 0,
  deadline timestamptz not null,
  next_attempt_at timestamptz not null default now(),
  -- Sent on every attempt, so the receiver can drop duplicates (a crash between sending and recording).
  idempotency_key text not null,
  -- The artifact of the revision that is sent (the e-invoice).
  artifact_name text not null,
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (document_id, revision, step)
);
create index deliveries_pending on deliveries (tenant_id, destination_key, accepted_at, document_id) where state = 'pending';

-- Who is sending to a destination right now: one sender per destination keeps the order. A lease, not a
-- lock held across the network call (an embedded database has one connection); it expires if its holder dies.
create table destination_leases (
  tenant_id uuid not null,
  destination_key text not null,
  holder text not null,
  expires_at timestamptz not null,
  primary key (tenant_id, destination_key)
);

-- Documents waiting for a destination's verdict (await-status): polled on a schedule, or told by callback.
create table status_waits (
  tenant_id uuid not null,
  document_id uuid not null references documents (id),
  revision int not null,
  step int not null,
  state text not null check (state in ('waiting', 'accepted', 'rejected', 'expired')),
  deadline timestamptz not null,
  polls int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (document_id, revision, step)
);
