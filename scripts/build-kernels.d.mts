export const KERNEL_DIR: string;
/** The generated .ts module for one kernel's .wat text. */
export function kernelModule(name: string, wat: string): Promise<string>;
export function constName(name: string): string;
/** The generated modules that differ from a fresh build (written unless check). */
export function buildKernels(options?: { check?: boolean }): Promise<string[]>;
