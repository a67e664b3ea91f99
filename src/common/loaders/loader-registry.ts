import DataLoader from 'dataloader';

/**
 * One per GraphQL request (created in the context factory), so that batching and caching never leak
 * between callers. Features name their loaders with a key that includes any argument that changes the
 * answer, such as an as-of date.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(key: string, batch: DataLoader.BatchLoadFn<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch);
      this.loaders.set(key, loader);
    }
    return loader;
  }
}
