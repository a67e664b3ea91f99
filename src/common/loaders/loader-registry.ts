import DataLoader from 'dataloader';

/**
 * One per GraphQL request (created in the context factory), so that batching and caching never leak
 * between callers. Features name their loaders with a key that includes any argument that changes the
 * answer, such as an as-of date.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  /** `options` (a `cacheKeyFn` for object keys, say) apply when the loader is first made. */
  get<K, V, C = K>(
    key: string,
    batch: DataLoader.BatchLoadFn<K, V>,
    options?: DataLoader.Options<K, V, C>,
  ): DataLoader<K, V, C> {
    let loader = this.loaders.get(key) as DataLoader<K, V, C> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V, C>(batch, options);
      this.loaders.set(key, loader);
    }
    return loader;
  }
}
