-- eInvoice Hub schema, version 3: received inputs kept with their document until the worker stores them.

-- A submission's input, committed in the same statement as its document, so that the database's commit is
-- the only disk flush a submission waits for. The worker copies it into the content-addressed blob store
-- (durably) and deletes the row in the statement that records the document's processing.
create table received_inputs (
  tenant_id uuid not null references tenants (id),
  sha256 text not null,
  content bytea not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, sha256)
);
