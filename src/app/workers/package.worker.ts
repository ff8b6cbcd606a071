import { expose } from 'comlink';
import { packageWorkerApi } from './package-worker-api';

expose(packageWorkerApi);
