// Used only by the TypeORM CLI (migration:generate); the application builds its data source in DatabaseModule.
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';

const url = loadConfig().databaseUrl;
if (!url) throw new Error('DATABASE_URL: set it to the database to compare the entities against');

export default new DataSource({
  ...dataSourceOptions(url),
  entities: [new URL('../**/*.entity.js', import.meta.url).pathname],
});
