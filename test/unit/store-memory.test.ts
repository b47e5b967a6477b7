import { createMemoryStore } from '../../src/store/memory.js';
import { defineStoreContract } from '../store-contract.js';

defineStoreContract('memory', async (setup) => ({ store: createMemoryStore(setup) }));
