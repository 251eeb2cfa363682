import { createContext, useContext } from 'react';
import type { SimController } from './sim-controller';

export const SimContext = createContext<SimController | null>(null);

export const useSim = () => useContext(SimContext);
