// @nestjs/graphql keeps its type metadata on the global object, which Jest keeps between the test files run by
// one worker. Each file re-declares every class, so the storage must start empty or the schema would mix two
// generations of the same classes.
delete globalThis.GqlTypeMetadataStorage;
delete globalThis.GqlLazyMetadataStorageHost;
