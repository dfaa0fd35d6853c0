"""A Saleor-shaped GraphQL server for the importer's `--target saleor` tests: it executes every document
against Saleor 3.23's own schema (../shared/saleor/schema.graphql) and replays Saleor's recorded behaviour
(../shared/saleor/recorded/, see its README), so a document or variable Saleor would refuse is refused here
the same way:

- unknown input fields (channelListings in ProductVariantCreateInput) and a negative PositiveDecimal are
  HTTP 400 with a top-level error and no data (variable coercion, as Saleor);
- every field whose description says "Requires one of the following permissions: …" answers an anonymous
  caller with Saleor's PermissionDenied error, nulling the data as Saleor does;
- productMediaCreate checks the multipart part's declared Content-Type first ("Invalid file type."), then
  opens the file ("Invalid file. … cannot identify image file …");
- productBulkCreate stores an empty variant name as "UHJvZHVjdFZhcmlhbnQ6Tm9uZQ==", lists a variant only in
  the channels it has a price for, rejects both rows sharing a SKU and a SKU already on the server;
- the reference data (channels, categories, product types, attributes, warehouses) is the recorded one.

`server()` starts it on loopback; `StandinServer.requests` lists what each request sent (document name,
variables, role, upload content type, HTTP status), for tests to assert on.
"""

from saleor_standin.http import StandinServer, server
from saleor_standin.store import RECORDED, SALEOR_SCHEMA, Store

__all__ = ["RECORDED", "SALEOR_SCHEMA", "StandinServer", "Store", "server"]
